import type { Db } from "@gatehouse/db/client";

/** The organisations a user belongs to with their role in each, oldest membership first (for the switcher). */
export async function listUserOrganizations(options: { db: Db; userId: string }) {
  const memberships = await options.db.membership.findMany({
    where: { userId: options.userId },
    orderBy: { createdAt: "asc" },
    select: { orgId: true, role: true, org: { select: { name: true } } },
  });
  return memberships.map((membership) => ({
    orgId: membership.orgId,
    orgName: membership.org.name,
    role: membership.role,
  }));
}
