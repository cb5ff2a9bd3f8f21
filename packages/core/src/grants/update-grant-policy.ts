import type { Db } from "@gatehouse/db/client";
import type { Prisma } from "@gatehouse/db/models";
import { GatehouseError } from "../errors/gatehouse-error";
import { type GrantChangeNotifier, notifyBestEffort } from "./grant-change-notifier";
import { validatePolicyText } from "./validate-policy-text";

/**
 * Saves a new policy on an active grant, bumps its version and tells the proxies.
 * `isPropagated` is false when they could not be told at once (see notifyBestEffort).
 */
export async function updateGrantPolicy(options: {
  db: Db;
  notify: GrantChangeNotifier;
  orgId: string;
  grantId: string;
  policyText: string;
}) {
  const policy = validatePolicyText(options.policyText);
  const grant = await options.db.grant.findFirst({ where: { id: options.grantId, orgId: options.orgId } });
  if (!grant) throw new GatehouseError("not_found", "No such grant in this organisation.");
  if (grant.revokedAt)
    throw new GatehouseError("conflict", "This grant is revoked; its policy can no longer change.");
  const updated = await options.db.grant.update({
    where: { id: grant.id },
    data: { policy: policy as Prisma.InputJsonValue, policyVersion: { increment: 1 } },
  });
  const change = { grantId: grant.id, tokenHash: grant.tokenHash, kind: "policy_updated" } as const;
  const isPropagated = await notifyBestEffort(options.notify, change);
  return { policyVersion: updated.policyVersion, isPropagated };
}
