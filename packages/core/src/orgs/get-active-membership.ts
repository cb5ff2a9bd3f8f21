import type { Db } from "@gatehouse/db/client";
import { GatehouseError } from "../errors/gatehouse-error";

/**
 * The organisation a signed-in user acts in, with their role. Users have one
 * organisation today; the earliest membership is the active one.
 */
export async function getActiveMembership(options: { db: Db; userId: string }) {
  const membership = await options.db.membership.findFirst({
    where: { userId: options.userId },
    orderBy: { createdAt: "asc" },
    include: { org: { select: { id: true, name: true } } },
  });
  if (!membership) {
    throw new GatehouseError("unauthenticated", "Your account has no organisation. Sign in again.");
  }
  return { orgId: membership.orgId, orgName: membership.org.name, role: membership.role };
}
