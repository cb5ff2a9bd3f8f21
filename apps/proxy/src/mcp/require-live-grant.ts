import { buildAuditEvent } from "../audit/build-audit-event";
import { grantStandingAt } from "../grants/grant-standing";
import type { GatewayDeps, LiveGrant, RequestContext } from "./gateway-deps";
import { grantUnavailableError } from "./upstream-errors";

/**
 * The session's grant now; refuses (fail closed) when it was revoked, deleted or expired, its
 * token was replaced, or its policy no longer parses, and audits the refusal.
 */
export async function requireLiveGrant(
  deps: GatewayDeps,
  request: { method: string; tool?: string; context: Pick<RequestContext, "caller" | "receivedAtMs"> },
): Promise<LiveGrant> {
  const grant = await deps.currentGrant();
  const standing = grant ? grantStandingAt(grant, deps.now()) : null;
  if (grant && !standing && grant.policy) return grant as LiveGrant;
  const error = grantUnavailableError(grant, standing);
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
        rule: !grant ? "(grant revoked)" : (standing?.rule ?? "(policy invalid)"),
        reason: error.message,
      },
    }),
  );
  throw error;
}
