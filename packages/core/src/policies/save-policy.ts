import type { Db } from "@gatehouse/db/client";
import type { Prisma } from "@gatehouse/db/models";
import { GatehouseError } from "../errors/gatehouse-error";
import { type GrantChangeNotifier, notifyBestEffort } from "../grants/grant-change-notifier";
import { validatePolicyText } from "../grants/validate-policy-text";

/**
 * Saves a policy document as a new immutable version; every grant using the
 * policy applies it on its next call. `expectedVersion` guards against
 * overwriting someone else's save. `isPropagated` is false when the proxies
 * could not be told at once (see notifyBestEffort).
 */
export async function savePolicy(options: {
  db: Db;
  notify: GrantChangeNotifier;
  orgId: string;
  actorId: string | null;
  policyId: string;
  document: string;
  comment?: string | undefined;
  expectedVersion?: number | undefined;
}) {
  const document = validatePolicyText(options.document, "document");
  const version = await options.db.$transaction(async (tx) => {
    // Row lock: two concurrent saves get consecutive versions, never the same one.
    const locked = await tx.$queryRaw<{ currentVersion: number }[]>`
      SELECT "currentVersion" FROM "Policy" WHERE id = ${options.policyId} AND "orgId" = ${options.orgId} FOR UPDATE`;
    const current = locked[0]?.currentVersion;
    if (current === undefined) throw new GatehouseError("not_found", "No such policy in this organisation.");
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
        comment: options.comment?.trim() || null,
        createdById: options.actorId,
      },
    });
    await tx.policy.update({ where: { id: options.policyId }, data: { currentVersion: next } });
    return next;
  });
  const isPropagated = await notifyBestEffort(options.notify, {
    kind: "policy_changed",
    policyId: options.policyId,
  });
  return { version, isPropagated };
}
