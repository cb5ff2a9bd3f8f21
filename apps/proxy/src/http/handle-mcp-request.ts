import type { IncomingMessage, ServerResponse } from "node:http";
import { isGatehouseError } from "@gatehouse/core/errors/gatehouse-error";
import { hashGrantToken, looksLikeGrantToken } from "@gatehouse/core/grants/grant-token";
import { isInitializeRequest } from "@modelcontextprotocol/sdk/types.js";
import type { GrantSnapshot } from "../grants/grant-snapshot";
import type { ProxyDeps } from "../proxy-deps";
import { openSession } from "../sessions/open-session";
import { cancelOnDisconnect } from "./cancel-on-disconnect";
import { readJsonBody } from "./read-json-body";
import { JSON_RPC, sendJsonRpcError } from "./send-json-rpc-error";

const UNAUTHORIZED = {
  status: 401,
  code: JSON_RPC.unauthorized,
  headers: { "www-authenticate": 'Bearer realm="gatehouse"' },
};

/** Serves one MCP request for the grant whose token it carries; nothing reaches an upstream without a live grant. */
export async function handleMcpRequest(
  deps: ProxyDeps,
  http: { req: IncomingMessage; res: ServerResponse; token: string | undefined },
): Promise<void> {
  const { req, res } = http;
  const grant = await resolveGrant(deps, http.token, res);
  if (!grant) return;
  const sessionId = headerValue(req.headers["mcp-session-id"]);
  let body: unknown;
  if (req.method === "POST") {
    const read = await readJsonBody(req, deps.maxBodyBytes);
    if (!read.ok) {
      const code = read.status === 400 ? JSON_RPC.parseError : JSON_RPC.invalidRequest;
      sendJsonRpcError(res, { status: read.status, code, message: read.message });
      return;
    }
    body = read.body;
    if (!sessionId && isInitializeRequest(body)) {
      await openSession(deps, grant, { req, res, body });
      return;
    }
  }
  if (!sessionId) {
    const message = "Bad request: send `initialize` first, then the Mcp-Session-Id header it returns.";
    sendJsonRpcError(res, { status: 400, code: JSON_RPC.invalidRequest, message });
    return;
  }
  const session = deps.sessions.get(sessionId);
  // A session is bound to the grant that opened it; another grant's token cannot use it.
  if (!session || session.tokenHash !== grant.tokenHash) {
    const message = "Session not found: it ended or belongs to another grant. Initialize a new session.";
    sendJsonRpcError(res, { status: 404, code: JSON_RPC.sessionNotFound, message });
    return;
  }
  session.lastSeenMs = deps.now();
  if (req.method === "POST") {
    deps.responses.track(res);
    cancelOnDisconnect(res, session.transport, body);
  }
  await session.transport.handleRequest(req, res, body);
}

async function resolveGrant(
  deps: ProxyDeps,
  token: string | undefined,
  res: ServerResponse,
): Promise<GrantSnapshot | null> {
  if (!token || !looksLikeGrantToken(token)) {
    const message = token
      ? "Unauthorized: this is not a Gatehouse grant token. Copy the grant's proxy URL from the dashboard."
      : "Unauthorized: no grant token. Use the grant's proxy URL (/g/<token>/mcp) or send Authorization: Bearer <token>.";
    sendJsonRpcError(res, { ...UNAUTHORIZED, message });
    return null;
  }
  let grant: GrantSnapshot | null;
  try {
    grant = await deps.grants.get(hashGrantToken(token));
  } catch (error) {
    // Fail closed: without the grant there is no policy to enforce.
    deps.logger.error({ err: error }, "could not load grant");
    const message = isGatehouseError(error)
      ? `Gatehouse cannot serve this grant: ${error.publicMessage}`
      : "Gatehouse cannot load this grant right now (database unavailable). Try again shortly.";
    sendJsonRpcError(res, { status: 503, code: JSON_RPC.internalError, message });
    return null;
  }
  if (!grant || grant.isRevoked) {
    const message = grant
      ? "Unauthorized: this grant has been revoked."
      : "Unauthorized: unknown grant token.";
    sendJsonRpcError(res, { ...UNAUTHORIZED, message });
    return null;
  }
  return grant;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
