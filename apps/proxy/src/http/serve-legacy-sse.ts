import type { IncomingMessage, ServerResponse } from "node:http";
import type { ProxyDeps } from "../proxy-deps";
import { openLegacyStream } from "../transports/open-legacy-stream";
import { postLegacyMessage } from "../transports/post-legacy-message";
import { admitRequest } from "./admit-request";
import { JSON_RPC } from "./send-json-rpc-error";

/**
 * Serves the legacy HTTP+SSE transport (protocol 2024-11-05) for older clients: GET `sse` opens
 * the stream, POST `messages?sessionId=…` sends to it. The token travels as on `/mcp`: in the
 * path, whose message endpoint then carries it too, or as a Bearer header on every request.
 */
export async function serveLegacySse(
  deps: ProxyDeps,
  http: {
    req: IncomingMessage;
    res: ServerResponse;
    token: string | undefined;
    endpoint: "sse" | "messages";
    isTokenInPath: boolean;
  },
): Promise<void> {
  const { req, res, token, endpoint } = http;
  const url = new URL(req.url ?? "/", "http://proxy.invalid");
  const sessionId = endpoint === "messages" ? (url.searchParams.get("sessionId") ?? undefined) : undefined;
  const admitted = await admitRequest(deps, { req, res, token, sessionId });
  if (!admitted) return;
  const allowed = endpoint === "sse" ? "GET" : "POST";
  if (req.method !== allowed) {
    const message = `Method Not Allowed: the legacy SSE ${endpoint} endpoint takes ${allowed} only.`;
    const refusal = { status: 405, code: JSON_RPC.invalidRequest, message, headers: { allow: allowed } };
    return admitted.refuse({ ...refusal, rule: "(method not allowed)" });
  }
  if (endpoint === "messages") return postLegacyMessage(deps, admitted, { req, res, sessionId });
  const messagesPath = http.isTokenInPath && token ? `/g/${encodeURIComponent(token)}/messages` : "/messages";
  await openLegacyStream(deps, admitted, { req, res, messagesPath });
}
