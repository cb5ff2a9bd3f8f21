import type { Db } from "@gatehouse/db/client";
import { GatehouseError } from "../errors/gatehouse-error";

/** One policy of the organisation with its current document and the grants using it. */
export async function getPolicy(options: { db: Db; orgId: string; policyId: string }) {
  const policy = await options.db.policy.findFirst({
    where: { id: options.policyId, orgId: options.orgId },
    select: {
      id: true,
      name: true,
      currentVersion: true,
      createdAt: true,
      updatedAt: true,
      server: { select: { id: true, name: true } },
      versions: { orderBy: { version: "desc" }, take: 1, select: { document: true, createdAt: true } },
      grants: {
        orderBy: { createdAt: "desc" },
        select: { id: true, name: true, tokenPrefix: true, revokedAt: true },
      },
    },
  });
  if (!policy) throw new GatehouseError("not_found", "No such policy in this organisation.");
  const { versions, ...rest } = policy;
  return { ...rest, document: versions[0]?.document ?? null };
}
