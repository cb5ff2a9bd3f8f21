import type { Db } from "@gatehouse/db/client";
import type { Prisma } from "@gatehouse/db/models";
import { type Actor, attributedUserId } from "../admin-trail/admin-actor";
import { type AdminEventDetails, recordAdminEvent } from "../admin-trail/record-admin-event";
import { GatehouseError } from "../errors/gatehouse-error";
import { type GrantChangeNotifier, notifyBestEffort } from "../grants/grant-change-notifier";
import { validatePolicyText } from "../grants/validate-policy-text";

/** How a save shows in the admin trail: a plain save, or a rollback (which saves an earlier document). */
type PolicySaveTrail = { action: "policy.saved" | "policy.rolled_back"; details?: AdminEventDetails };

/**
 * Saves a policy document as a new immutable version; every grant using the
 * policy applies it on its next call. `expectedVersion` guards against
 * overwriting someone else's save. `isPropagated` is false when the proxies
 * could not be told at once (see notifyBestEffort).
 */
export async function savePolicy(
  options: {
    db: Db;
    notify: GrantChangeNotifier;
    orgId: string;
    actor: Actor;
    policyId: string;
    document: string;
    comment?: string | undefined;
    expectedVersion?: number | undefined;
  },
  trail: PolicySaveTrail = { action: "policy.saved" },
) {
  const document = validatePolicyText(options.document, "document");
  const comment = options.comment?.trim() || null;
  const version = await options.db.$transaction(async (tx) => {
    // Row lock: two concurrent saves get consecutive versions, never the same one.
    const locked = await tx.$queryRaw<{ currentVersion: number; name: string }[]>`
      SELECT "currentVersion", name FROM "Policy" WHERE id = ${options.policyId} AND "orgId" = ${options.orgId} FOR UPDATE`;
    const policy = locked[0];
    if (!policy) throw new GatehouseError("not_found", "No such policy in this organisation.");
    const current = policy.currentVersion;
    if (options.expectedVersion !== undefined && options.expectedVersion !== current) {
      throw new GatehouseError(
        "conflict",
        `This policy was saved by someone else (now version ${current}, you edited version ${options.expectedVersion}). Reload to see their changes, then apply yours again.`,
      );
    }
    const next = current + 1;
    await tx.policyVersion.create({
      data: {
        policyId: options.policyId,
        version: next,
        document: document as Prisma.InputJsonValue,
        comment,
        createdById: attributedUserId(options.actor),
      },
    });
    await tx.policy.update({ where: { id: options.policyId }, data: { currentVersion: next } });
    await recordAdminEvent(tx, {
      orgId: options.orgId,
      actor: options.actor,
      action: trail.action,
      target: { id: options.policyId, name: policy.name },
      details: { version: next, comment, ...trail.details },
    });
    return next;
  });
  const isPropagated = await notifyBestEffort(options.notify, {
    kind: "policy_changed",
    policyId: options.policyId,
  });
  return { version, isPropagated };
}
