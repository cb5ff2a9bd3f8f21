import type { Db } from "@gatehouse/db/client";
import { GatehouseError } from "../errors/gatehouse-error";

/** A policy's saved versions, newest first, with who saved each and why. */
export async function listPolicyVersions(options: { db: Db; orgId: string; policyId: string }) {
  const policy = await options.db.policy.findFirst({ where: { id: options.policyId, orgId: options.orgId } });
  if (!policy) throw new GatehouseError("not_found", "No such policy in this organisation.");
  return options.db.policyVersion.findMany({
    where: { policyId: policy.id },
    orderBy: { version: "desc" },
    select: {
      version: true,
      comment: true,
      createdAt: true,
      document: true,
      createdBy: { select: { name: true, email: true } },
    },
  });
}
