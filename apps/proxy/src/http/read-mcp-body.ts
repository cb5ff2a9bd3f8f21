import type { IncomingMessage } from "node:http";
import { validateBody } from "../jsonrpc/validate-body";
import { checkPostHeaders } from "./check-post-headers";
import type { HttpLimits } from "./http-limits";
import { invalidBodyRefusal } from "./invalid-body-refusal";
import { type BodyResult, readJsonBody } from "./read-json-body";
import { headerValue } from "./request-origin";

// The legacy HTTP+SSE transport is protocol 2024-11-05, which had no batches.
const LEGACY_SSE_PROTOCOL_VERSION = "2024-11-05";

/**
 * Reads a POST's body and lets it through only when it is JSON-RPC that Gatehouse accepts;
 * anything else is refused here, before any of it reaches an MCP session or an upstream.
 */
export async function readMcpBody(
  req: IncomingMessage,
  limits: HttpLimits,
  options: { isLegacySse?: boolean } = {},
): Promise<BodyResult> {
  const headerRefusal = checkPostHeaders(req, options.isLegacySse);
  if (headerRefusal) return { kind: "refused", refusal: headerRefusal };
  const read = await readJsonBody(req, limits.maxBodyBytes);
  if (read.kind !== "json") return read;
  const check = validateBody(read.body, {
    protocolVersion: options.isLegacySse
      ? LEGACY_SSE_PROTOCOL_VERSION
      : headerValue(req.headers["mcp-protocol-version"]),
    limits: { maxDepth: limits.maxJsonDepth, maxStringChars: limits.maxStringChars },
  });
  return check.isValid ? read : { kind: "refused", refusal: invalidBodyRefusal(check), body: read.body };
}
