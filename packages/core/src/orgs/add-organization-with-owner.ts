import type { Prisma } from "@gatehouse/db/models";

/**
 * Inserts an organisation and makes `ownerId` its one owner, on the caller's transaction; the
 * caller records the admin event, which says why the organisation exists (sign-up or creation).
 */
export async function addOrganizationWithOwner(
  tx: Prisma.TransactionClient,
  options: { name: string; ownerId: string },
) {
  const org = await tx.organization.create({ data: { name: options.name } });
  await tx.membership.create({ data: { userId: options.ownerId, orgId: org.id, role: "owner" } });
  return org;
}
