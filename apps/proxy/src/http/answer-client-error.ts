import { type ServerResponse, STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import { buildAuditEvent } from "../audit/build-audit-event";
import { toCaller } from "../audit/caller";
import type { ProxyDeps } from "../proxy-deps";
import { clientIpOf } from "./request-origin";
import { JSON_RPC, jsonRpcErrorBody } from "./send-json-rpc-error";

// A refused client may still be sending; the socket is closed after the answer, and destroyed
// this long after that if the client does not close its side.
const CLOSE_GRACE_MS = 1_000;

/**
 * Answers what Node's HTTP parser refused before a request reached the handler, or ended while
 * it was still arriving: headers over GATEHOUSE_MAX_HEADER_BYTES (431), a request not received
 * in time (408, the slowloris defence), or bytes that are not HTTP (400). The answer is a
 * JSON-RPC error like every other refusal, and the attempt is audited; no grant is known yet,
 * so the event names the client's address only.
 */
export function answerClientError(
  deps: Pick<ProxyDeps, "audit" | "now" | "limits">,
  failure: { error: NodeJS.ErrnoException; socket: Socket; inFlight: ServerResponse | undefined },
): void {
  const { error, socket, inFlight } = failure;
  // A reset means the client is gone; an answer already under way cannot be replaced.
  if (error.code === "ECONNRESET" || !socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  const refusal = describe(error.code, deps.limits);
  const body = jsonRpcErrorBody({ code: refusal.code, message: refusal.message });
  socket.end(
    `HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status]}\r\n` +
      `content-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
  setTimeout(() => socket.destroy(), CLOSE_GRACE_MS).unref();
  const nowMs = deps.now();
  const origin = { clientIp: clientIpOf(socket.remoteAddress), userAgent: null, tokenPrefix: null };
  deps.audit.record(
    buildAuditEvent({
      grant: null,
      caller: toCaller(origin, {}),
      startedAtMs: nowMs,
      nowMs,
      outcome: { method: "HTTP", decision: "deny", rule: refusal.rule, reason: refusal.message },
    }),
  );
}

function describe(code: string | undefined, limits: ProxyDeps["limits"]) {
  if (code === "HPE_HEADER_OVERFLOW") {
    const message = `Request Header Fields Too Large: the request's headers exceed ${limits.maxHeaderBytes} bytes (GATEHOUSE_MAX_HEADER_BYTES). Send fewer or shorter headers.`;
    return { status: 431, code: JSON_RPC.invalidRequest, message, rule: "(headers too large)" };
  }
  if (code === "ERR_HTTP_REQUEST_TIMEOUT") {
    const message = `Request Timeout: the request did not arrive in time (headers within ${limits.headersTimeoutMs} ms, the whole request within ${limits.requestTimeoutMs} ms). Send it without pauses.`;
    return { status: 408, code: JSON_RPC.invalidRequest, message, rule: "(request timeout)" };
  }
  const message = "Bad Request: the request is not valid HTTP/1.1. MCP clients POST JSON-RPC over HTTP.";
  return { status: 400, code: JSON_RPC.parseError, message, rule: "(malformed HTTP)" };
}
