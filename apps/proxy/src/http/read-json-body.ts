import type { IncomingMessage } from "node:http";
import type { Refusal } from "./refuse-request";
import { JSON_RPC } from "./send-json-rpc-error";

/**
 * A POST body: its parsed JSON, why it was refused (with the JSON when it parsed, so the audit
 * event can name its method), or that the connection ended before it arrived.
 */
export type BodyResult =
  | { kind: "json"; body: unknown }
  | { kind: "refused"; refusal: Refusal; body?: unknown }
  | { kind: "aborted" };

/**
 * Reads and parses a JSON request body. A body over `maxBytes` is refused as soon as its
 * Content-Length says so, or once more than that has arrived, without reading the rest.
 * A body cut off (the agent went away, or the server's request timeout ended it) is
 * `aborted`: there is no one left to answer.
 */
export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  if (Number(req.headers["content-length"]) > maxBytes) return tooLarge(maxBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) return tooLarge(maxBytes);
      chunks.push(chunk as Buffer);
    }
  } catch {
    return { kind: "aborted" };
  }
  try {
    return { kind: "json", body: JSON.parse(Buffer.concat(chunks).toString("utf8")) };
  } catch {
    // The parser's own message quotes the body, which may hold secrets the audit log must not keep.
    const message =
      "Parse error: the request body is not valid JSON. Send one JSON-RPC message as a UTF-8 JSON object.";
    return {
      kind: "refused",
      refusal: { status: 400, code: JSON_RPC.parseError, message, rule: "(parse error)" },
    };
  }
}

function tooLarge(maxBytes: number): BodyResult {
  const message = `Payload Too Large: the request body is larger than ${maxBytes} bytes (GATEHOUSE_MAX_BODY_BYTES). Send large content by reference (a path or URL) instead.`;
  return {
    kind: "refused",
    refusal: { status: 413, code: JSON_RPC.invalidRequest, message, rule: "(body too large)" },
  };
}
