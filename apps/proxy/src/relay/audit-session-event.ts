import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { type AuditOutcome, buildAuditEvent } from "../audit/build-audit-event";
import { type Caller, toCaller, UNKNOWN_ORIGIN } from "../audit/caller";
import type { GatewayDeps } from "../mcp/gateway-deps";

/** Records what happened to one message of a session that no policy decided (ping, relayed requests, refusals). */
export function auditSessionEvent(
  deps: Pick<GatewayDeps, "recordAudit" | "sessionGrant" | "now">,
  context: { caller: Caller; receivedAtMs: number },
  outcome: AuditOutcome,
): void {
  deps.recordAudit(
    buildAuditEvent({
      grant: deps.sessionGrant,
      caller: context.caller,
      startedAtMs: context.receivedAtMs,
      nowMs: deps.now(),
      outcome,
    }),
  );
}

/**
 * Who to name for what the upstream starts, or a notification: the caller of the session's
 * latest request, else the session and client alone.
 */
export function sessionCaller(server: Server, deps: Pick<GatewayDeps, "agentRequests">): Caller {
  return (
    deps.agentRequests.caller() ??
    toCaller(UNKNOWN_ORIGIN, { id: server.transport?.sessionId, client: server.getClientVersion() })
  );
}
