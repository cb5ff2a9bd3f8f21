import { buildAuditEvent } from "../audit/build-audit-event";
import type { GatewayDeps, LiveGrant, RequestContext } from "./gateway-deps";
import { grantUnavailableError } from "./upstream-errors";

/**
 * The session's grant now; refuses (fail closed) when it was revoked, deleted, or its policy no
 * longer parses, and audits the refusal.
 */
export async function requireLiveGrant(
  deps: GatewayDeps,
  request: { method: string; tool?: string; context: Pick<RequestContext, "caller" | "receivedAtMs"> },
): Promise<LiveGrant> {
  const grant = await deps.currentGrant();
  if (grant && !grant.isRevoked && grant.policy) return grant as LiveGrant;
  const error = grantUnavailableError(grant);
  deps.recordAudit(
    buildAuditEvent({
      grant: grant ?? deps.sessionGrant,
      caller: request.context.caller,
      startedAtMs: request.context.receivedAtMs,
      nowMs: deps.now(),
      outcome: {
        method: request.method,
        tool: request.tool,
        decision: "deny",
        rule: grant && !grant.isRevoked ? "(policy invalid)" : "(grant revoked)",
        reason: error.message,
      },
    }),
  );
  throw error;
}
