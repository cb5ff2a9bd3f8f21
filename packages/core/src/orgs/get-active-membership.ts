import type { Db } from "@gatehouse/db/client";
import { GatehouseError } from "../errors/gatehouse-error";

const MEMBERSHIP_SELECT = { orgId: true, role: true, org: { select: { name: true } } } as const;

/**
 * The organisation a signed-in user acts in, with their role: the one the browser chose
 * (`preferredOrgId`, from a cookie) when the user is still a member of it, else their
 * earliest membership. Read on every request, so a removed member loses access at once.
 */
export async function getActiveMembership(options: {
  db: Db;
  userId: string;
  preferredOrgId?: string | null | undefined;
}) {
  const { db, userId, preferredOrgId } = options;
  const preferred = preferredOrgId
    ? await db.membership.findUnique({
        where: { userId_orgId: { userId, orgId: preferredOrgId } },
        select: MEMBERSHIP_SELECT,
      })
    : null;
  const membership =
    preferred ??
    (await db.membership.findFirst({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: MEMBERSHIP_SELECT,
    }));
  if (!membership) {
    throw new GatehouseError(
      "unauthenticated",
      "Your account is not a member of any organisation. Ask for an invitation, or sign up again.",
    );
  }
  return { orgId: membership.orgId, orgName: membership.org.name, role: membership.role };
}
