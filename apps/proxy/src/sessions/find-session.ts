import type { GrantSnapshot } from "../grants/grant-snapshot";
import type { Refusal } from "../http/refuse-request";
import { JSON_RPC } from "../http/send-json-rpc-error";
import type { GatewaySession, SessionRegistry } from "./session-registry";

/**
 * The session a request names, when it is of the transport the request came by and belongs to
 * the request's grant; otherwise the refusal to answer with. A session is bound to the grant
 * that opened it: another grant's token cannot use it, and is told only that it was not found.
 */
export function findSession<K extends GatewaySession["kind"]>(
  sessions: SessionRegistry,
  request: { sessionId: string; grant: GrantSnapshot; kind: K },
): { session: Extract<GatewaySession, { kind: K }> } | { refusal: Refusal } {
  const session = sessions.get(request.sessionId);
  if (session?.kind === request.kind && session.tokenHash === request.grant.tokenHash) {
    return { session: session as Extract<GatewaySession, { kind: K }> };
  }
  return { refusal: SESSION_NOT_FOUND };
}

/** The refusal of a request naming a session no proxy holds for its grant; the agent initializes anew. */
export const SESSION_NOT_FOUND: Refusal = {
  status: 404,
  code: JSON_RPC.sessionNotFound,
  message: "Session not found: it ended or belongs to another grant. Initialize a new session.",
  rule: "(session not found)",
};
