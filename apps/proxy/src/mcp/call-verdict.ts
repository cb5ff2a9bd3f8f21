import type { AuditEvent } from "@gatehouse/core/audit/audit-event";
import type { Decision } from "@gatehouse/policy/evaluate-call";
import type { ApprovalAudit } from "../approvals/approval-outcome";
import type { Reservation } from "../limits/rate-limiter";
import type { GatewayDeps, LiveGrant } from "./gateway-deps";

/** What came of a call before forwarding; `approval` is set when it was held for a person. */
export type Verdict =
  | {
      isAllowed: true;
      decision: Decision;
      rule: string;
      reason: string | null;
      reservation: Reservation;
      approval?: ApprovalAudit;
    }
  | {
      isAllowed: false;
      effect: "deny" | "require_approval";
      decision: Decision;
      rule: string;
      reason: string;
      retryAfterSeconds?: number;
      approval?: ApprovalAudit;
    };

/** The decision the audit log records: a held call is recorded as held whatever came of it (its approval fields say how it ended). */
export function auditedDecision(verdict: Verdict): AuditEvent["decision"] {
  if (verdict.approval) return "require_approval";
  if (verdict.isAllowed) return "allow";
  return verdict.decision.effect === "allow" ? "deny" : verdict.decision.effect;
}

/**
 * True when a tool's definition changed since a person approved it and the policy does
 * not accept changes: it is refused whatever the policy would otherwise decide, since its
 * new description may carry instructions the approver never saw.
 */
export function isBlockedByChange(
  deps: GatewayDeps,
  grant: LiveGrant,
  call: { kind: string; name: string },
): boolean {
  if (call.kind !== "tool" || grant.policy.on_tool_change === "allow") return false;
  const known = grant.tools.get(call.name);
  return (known !== undefined && !known.isApproved) || deps.drift.has(grant.serverId, call.name);
}

/** The refusal of a call to a changed tool, saying what a person must do. */
export function changedToolVerdict(decision: Decision, tool: string): Verdict {
  const reason = `Tool ${JSON.stringify(tool)} changed since it was approved: its definition differs from the catalogued one. A person must review and approve the new definition in the Gatehouse dashboard before it can be called.`;
  return { isAllowed: false, effect: "deny", decision, rule: "(tool changed)", reason };
}
