import {
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  request,
  type ServerResponse,
} from "node:http";
import type { ProxyDeps } from "../proxy-deps";
import { SESSION_NOT_FOUND } from "../sessions/find-session";
import type { AdmittedRequest } from "./admit-request";
import { JSON_RPC } from "./send-json-rpc-error";

/** Marks a request one proxy relayed to another; such a request is never relayed again. */
export const RELAYED_HEADER = "x-gatehouse-relayed";

// Headers about one connection, not the request: the relay's own connection sets its own.
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "transfer-encoding",
  "te",
  "trailer",
  "upgrade",
  "host",
]);
// Errors saying nothing listens at the owner's address any more: its process, and with it the
// session, is gone.
const OWNER_GONE = new Set(["ECONNREFUSED", "EHOSTUNREACH", "ENOTFOUND"]);

/** Whether another proxy relayed this request here. */
export function isRelayed(req: IncomingMessage): boolean {
  return req.headers[RELAYED_HEADER] !== undefined;
}

/**
 * Passes a request for a session another proxy holds to that proxy and streams its answer back
 * (SSE included); an agent hanging up ends the relayed request too. The owner checks the grant
 * again and audits the request as if it had come directly, so nothing is audited here unless
 * the owner cannot be reached: then the session is gone with its process, its entry is removed
 * and the agent is told to initialize anew.
 */
export function relayToOwner(
  deps: ProxyDeps,
  admitted: AdmittedRequest,
  http: { req: IncomingMessage; res: ServerResponse; sessionId: string; ownerUrl: string },
): Promise<void> {
  const { req, res, sessionId } = http;
  if (req.method === "POST") deps.responses.track(res);
  return new Promise<void>((resolve) => {
    const relayed = request(new URL(req.url ?? "/", http.ownerUrl), {
      method: req.method,
      headers: relayedHeaders(req, admitted.origin.clientIp, deps.trustProxy),
      agent: deps.relayAgent,
    });
    relayed.on("response", (answer) => {
      res.writeHead(answer.statusCode ?? 502, withoutHopByHop(answer.headers));
      // An SSE stream's headers go out now, not with its first event.
      res.flushHeaders();
      answer.pipe(res);
    });
    relayed.on("error", (error: NodeJS.ErrnoException) => {
      resolve();
      if (res.headersSent) return void res.destroy();
      deps.logger.warn(
        { err: error, sessionId, owner: http.ownerUrl },
        "could not relay to the session's owner",
      );
      if (OWNER_GONE.has(error.code ?? "")) {
        deps.sessionDirectory.forget(sessionId);
        return admitted.refuse(SESSION_NOT_FOUND);
      }
      const message =
        "Gatehouse could not reach the proxy holding this session. Retry shortly, or initialize a new session.";
      admitted.refuse({
        status: 502,
        code: JSON_RPC.internalError,
        message,
        rule: "(session owner unreachable)",
      });
    });
    res.once("close", () => {
      if (!res.writableFinished) relayed.destroy();
      resolve();
    });
    req.pipe(relayed);
  });
}

// Behind a trusted balancer the owner reads the agent's address from X-Forwarded-For as this
// proxy did; otherwise this proxy names the address it saw, for owners that trust it.
function relayedHeaders(
  req: IncomingMessage,
  clientIp: string | null,
  trustProxy: boolean,
): OutgoingHttpHeaders {
  const headers = withoutHopByHop(req.headers);
  headers[RELAYED_HEADER] = "1";
  if (!trustProxy && clientIp) headers["x-forwarded-for"] = clientIp;
  return headers;
}

function withoutHopByHop(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const kept: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) kept[name] = value;
  }
  return kept;
}

/**
 * The base URL of the proxy holding a session this process does not, when the request may be
 * relayed there: sessions held here are served without asking Redis, and a relayed request is
 * served here or not at all, so relays never loop.
 */
export async function findOwnerElsewhere(
  deps: ProxyDeps,
  req: IncomingMessage,
  sessionId: string,
): Promise<string | undefined> {
  if (deps.sessions.get(sessionId) || isRelayed(req)) return undefined;
  try {
    return await deps.sessionDirectory.ownerOf(sessionId);
  } catch (error) {
    // Without the directory only sessions held here can be served; the agent is told its session
    // was not found and initializes a new one, here.
    deps.logger.warn({ err: error, sessionId }, "could not look up the session's owner");
    return undefined;
  }
}
