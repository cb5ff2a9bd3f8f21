import type { Db } from "@gatehouse/db/client";
import { GatehouseError } from "../errors/gatehouse-error";

/** One grant of the organisation with its policy; not_found for another organisation's id. */
export async function getGrant(options: { db: Db; orgId: string; grantId: string }) {
  const grant = await options.db.grant.findFirst({
    where: { id: options.grantId, orgId: options.orgId },
    select: {
      id: true,
      name: true,
      tokenPrefix: true,
      policy: { select: { id: true, name: true, currentVersion: true } },
      createdAt: true,
      updatedAt: true,
      revokedAt: true,
      expiresAt: true,
      lastUsedAt: true,
      tokenRotatedAt: true,
      previousTokenExpiresAt: true,
      server: { select: { id: true, name: true } },
      createdBy: { select: { name: true, email: true } },
    },
  });
  if (!grant) throw new GatehouseError("not_found", "No such grant in this organisation.");
  return grant;
}
