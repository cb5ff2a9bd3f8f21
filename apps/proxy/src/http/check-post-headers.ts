import type { IncomingMessage } from "node:http";
import { isJsonContentType } from "@modelcontextprotocol/sdk/shared/mediaType.js";
import type { Refusal } from "./refuse-request";
import { JSON_RPC } from "./send-json-rpc-error";

/**
 * Refuses a POST the MCP transport would refuse for its headers, before its body is read,
 * so the refusal is audited and says how to fix it: the body must be JSON, and a Streamable HTTP
 * agent must accept both a JSON answer and an SSE stream (it is answered with either). A legacy
 * SSE agent's POST is answered on its stream, so what it accepts does not matter.
 */
export function checkPostHeaders(req: IncomingMessage, isLegacySse = false): Refusal | undefined {
  if (!isJsonContentType(req.headers["content-type"])) {
    const message = "Unsupported Media Type: send the JSON-RPC message with Content-Type: application/json.";
    return { status: 415, code: JSON_RPC.invalidRequest, message, rule: "(not JSON)" };
  }
  if (isLegacySse) return undefined;
  const accept = req.headers.accept ?? "";
  if (!accept.includes("application/json") || !accept.includes("text/event-stream")) {
    const message =
      "Not Acceptable: send Accept: application/json, text/event-stream; Streamable HTTP answers with either.";
    return { status: 406, code: JSON_RPC.invalidRequest, message, rule: "(not acceptable)" };
  }
  return undefined;
}
