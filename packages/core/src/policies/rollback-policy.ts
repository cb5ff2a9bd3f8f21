import type { Db } from "@gatehouse/db/client";
import type { Actor } from "../admin-trail/admin-actor";
import { GatehouseError } from "../errors/gatehouse-error";
import type { GrantChangeNotifier } from "../grants/grant-change-notifier";
import { savePolicy } from "./save-policy";

/** Rolls a policy back by saving an earlier version's document as the newest version (history is never rewritten). */
export async function rollbackPolicy(options: {
  db: Db;
  notify: GrantChangeNotifier;
  orgId: string;
  actor: Actor;
  policyId: string;
  toVersion: number;
}) {
  const target = await options.db.policyVersion.findFirst({
    where: { policyId: options.policyId, version: options.toVersion, policy: { orgId: options.orgId } },
  });
  if (!target) throw new GatehouseError("not_found", `This policy has no version ${options.toVersion}.`);
  return savePolicy(
    {
      ...options,
      document: JSON.stringify(target.document),
      comment: `Rolled back to version ${options.toVersion}`,
    },
    { action: "policy.rolled_back", details: { toVersion: options.toVersion } },
  );
}
