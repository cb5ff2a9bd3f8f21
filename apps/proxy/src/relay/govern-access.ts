import { evaluateCall } from "@gatehouse/policy/evaluate-call";
import { buildAuditEvent } from "../audit/build-audit-event";
import { forwardUpstream, type UpstreamOutcome } from "../mcp/forward-upstream";
import type { GatewayDeps } from "../mcp/gateway-deps";
import { type CallShape, callFacts } from "../mcp/govern-call";
import { requireLiveGrant } from "../mcp/require-live-grant";
import { throwDenial } from "../policy/denial-result";

/** A request about a resource or prompt that returns none of it: subscribe, unsubscribe, completion. */
export type AccessRequest<R> = CallShape & { forward: () => Promise<R> };

/**
 * Decides a request that touches a resource or prompt without returning it by the policy entry
 * that governs reading it: refused where a read would be refused outright (hidden, denied, a
 * matching `deny_if`), else forwarded. It counts no limits and waits for no approval, since it
 * returns nothing of the item; the read or get that would is governed in full. Always audited.
 */
export async function governAccess<R>(deps: GatewayDeps, call: AccessRequest<R>): Promise<R> {
  const { request } = call;
  const grant = await requireLiveGrant(deps, { method: call.method, tool: call.name, context: request });
  const decision = evaluateCall(grant.policy, callFacts(grant, call), new Date(request.receivedAtMs));
  const isDenied = decision.effect === "deny";
  const isShadow = decision.mode === "shadow";
  const audit = (outcome: UpstreamOutcome) =>
    deps.recordAudit(
      buildAuditEvent({
        grant,
        caller: request.caller,
        startedAtMs: request.receivedAtMs,
        nowMs: deps.now(),
        outcome: {
          method: call.method,
          tool: call.name,
          argumentKeys: Object.keys(call.args),
          decision: isDenied ? "deny" : "allow",
          isShadow: isDenied && isShadow,
          rule: decision.rule,
          reason: decision.reason,
          ...outcome,
        },
      }),
    );
  if (isDenied && !isShadow) {
    audit({});
    throwDenial(decision.reason);
  }
  const forwarded = await forwardUpstream(deps.now, call.forward);
  audit(forwarded.outcome);
  if (!forwarded.isOk) throw forwarded.error;
  return forwarded.result;
}
