import type { Db } from "@gatehouse/db/client";
import type { ApprovalRequest } from "@gatehouse/db/models";
import { type Actor, actorName } from "../admin-trail/admin-actor";
import { recordAdminEvent } from "../admin-trail/record-admin-event";
import { GatehouseError } from "../errors/gatehouse-error";
import type { ApprovalPublisher } from "./approval-channel";
import { describeEndedApproval } from "./describe-ended-approval";

export type ApprovalDecision = "approve" | "deny";

export type DecideApprovalInput = {
  orgId: string;
  approvalId: string;
  decision: ApprovalDecision;
  /** The person or API key deciding; agents and the audit log are told its name. */
  actor: Actor;
  comment?: string | undefined;
  /** Also let identical calls through for the policy's allow_identical_for window (approve only). */
  allowIdentical?: boolean | undefined;
  now: Date;
};

const MAX_COMMENT_CHARS = 1000;

/**
 * Approves or denies a pending request, once: the update only applies while the
 * request is pending and unexpired, so two approvers, or an approver racing the
 * timeout, cannot both win. The arguments are purged with the decision. The
 * proxies are told (best effort: the holding proxy also re-reads the request
 * while it waits). `isPropagated` is false when they could not be told at once.
 */
export async function decideApproval(
  deps: { db: Db; publish: ApprovalPublisher },
  input: DecideApprovalInput,
): Promise<{ approval: ApprovalRequest; isPropagated: boolean }> {
  const comment = input.comment?.trim() || null;
  if (comment && comment.length > MAX_COMMENT_CHARS) {
    throw new GatehouseError("invalid_input", `Keep the comment under ${MAX_COMMENT_CHARS} characters.`, {
      fieldErrors: [{ field: "comment", message: `At most ${MAX_COMMENT_CHARS} characters.` }],
    });
  }
  const current = await deps.db.approvalRequest.findFirst({
    where: { id: input.approvalId, orgId: input.orgId },
  });
  if (!current) throw new GatehouseError("not_found", "No such approval request in this organisation.");
  if (input.allowIdentical && input.decision === "approve" && current.reuseWindowSeconds === null) {
    throw new GatehouseError(
      "invalid_input",
      'This request\'s policy does not offer "allow identical calls"; approve it alone, or add approval.allow_identical_for to the policy.',
    );
  }
  const isApproved = input.decision === "approve";
  const reuseUntil =
    isApproved && input.allowIdentical && current.reuseWindowSeconds !== null
      ? new Date(input.now.getTime() + current.reuseWindowSeconds * 1000)
      : null;
  const { count } = await deps.db.approvalRequest.updateMany({
    where: { id: current.id, status: "pending", expiresAt: { gt: input.now } },
    data: {
      status: isApproved ? "approved" : "denied",
      decidedAt: input.now,
      // Only a person's decision names a user: an API key's name says which automation decided.
      decidedById: input.actor.type === "user" ? input.actor.id : null,
      decidedByName: actorName(input.actor),
      comment,
      reuseUntil,
      argumentsEncrypted: null,
    },
  });
  const approval = await deps.db.approvalRequest.findUniqueOrThrow({ where: { id: current.id } });
  if (count === 0) {
    throw new GatehouseError(
      "conflict",
      `${describeEndedApproval(approval, input.now)} It can no longer be decided.`,
    );
  }
  await recordAdminEvent(deps.db, {
    orgId: input.orgId,
    actor: input.actor,
    action: isApproved ? "approval.approved" : "approval.denied",
    target: { id: approval.id, name: approval.name },
    details: { grantId: approval.grantId, comment, reuseUntil: reuseUntil?.toISOString() ?? null },
  });
  let isPropagated = true;
  try {
    await deps.publish({ approvalId: approval.id });
  } catch {
    isPropagated = false;
  }
  return { approval, isPropagated };
}
