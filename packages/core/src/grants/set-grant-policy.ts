import type { Db } from "@gatehouse/db/client";
import type { Actor } from "../admin-trail/admin-actor";
import { recordAdminEvent } from "../admin-trail/record-admin-event";
import { GatehouseError } from "../errors/gatehouse-error";
import { type GrantChangeNotifier, notifyBestEffort } from "./grant-change-notifier";

/** Moves an active grant to another policy of the same server; applies on the agent's next call. */
export async function setGrantPolicy(options: {
  db: Db;
  notify: GrantChangeNotifier;
  orgId: string;
  actor: Actor;
  grantId: string;
  policyId: string;
}) {
  const grant = await options.db.grant.findFirst({ where: { id: options.grantId, orgId: options.orgId } });
  if (!grant) throw new GatehouseError("not_found", "No such grant in this organisation.");
  if (grant.revokedAt)
    throw new GatehouseError("conflict", "This grant is revoked; its policy can no longer change.");
  const policy = await options.db.policy.findFirst({
    where: { id: options.policyId, orgId: options.orgId, serverId: grant.serverId },
  });
  if (!policy) {
    throw new GatehouseError("not_found", "No such policy for this grant's server.", {
      fieldErrors: [{ field: "policyId", message: "Choose one of this server's policies." }],
    });
  }
  if (grant.policyId !== policy.id) {
    await options.db.grant.update({ where: { id: grant.id }, data: { policyId: policy.id } });
    await recordAdminEvent(options.db, {
      orgId: options.orgId,
      actor: options.actor,
      action: "grant.policy_changed",
      target: { id: grant.id, name: grant.name },
      details: { fromPolicyId: grant.policyId, toPolicyId: policy.id, policyName: policy.name },
    });
  }
  const change = { kind: "grant_changed", grantId: grant.id, tokenHash: grant.tokenHash } as const;
  return { isPropagated: await notifyBestEffort(options.notify, change) };
}
