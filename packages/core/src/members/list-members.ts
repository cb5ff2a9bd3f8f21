import type { Db } from "@gatehouse/db/client";

/** The organisation's members: the owner first, then by when they joined. */
export async function listMembers(options: { db: Db; orgId: string }) {
  const members = await options.db.membership.findMany({
    where: { orgId: options.orgId },
    orderBy: { createdAt: "asc" },
    select: { userId: true, role: true, createdAt: true, user: { select: { name: true, email: true } } },
  });
  return members
    .map((member) => ({
      userId: member.userId,
      name: member.user.name,
      email: member.user.email,
      role: member.role,
      joinedAt: member.createdAt,
    }))
    .sort((a, b) => Number(b.role === "owner") - Number(a.role === "owner"));
}
