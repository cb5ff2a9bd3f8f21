import "server-only";
import { isGatehouseError } from "@gatehouse/core/errors/gatehouse-error";
import { getActiveMembership } from "@gatehouse/core/orgs/get-active-membership";
import type { Role } from "@gatehouse/db/models";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { getAuthOptions } from "@/server/auth/auth-options";
import { getServices } from "@/server/services";
import { readActiveOrgId } from "./active-org-cookie";

/** Who is signed in, whether or not they belong to any organisation (an invitation page needs only this). */
export type SignedInUser = { userId: string; name: string; email: string };

/** Who is acting and in which organisation; every query a page or action makes is scoped by `orgId`. */
export type SessionContext = SignedInUser & {
  orgId: string;
  orgName: string;
  role: Role;
};

/** The signed-in user from the session cookie, or null. Cached per request. */
export const getSignedInUser = cache(async (): Promise<SignedInUser | null> => {
  const session = await getServerSession(getAuthOptions());
  const userId = session?.user.id;
  if (!session || !userId) return null;
  return { userId, name: session.user.name, email: session.user.email };
});

/**
 * The signed-in user's context in the organisation this browser chose (if they are still a
 * member of it, else their earliest), or null when there is no valid session or the user
 * no longer has an organisation. Cached per request, so a page and its helpers share one lookup.
 */
export const getSessionContext = cache(async (): Promise<SessionContext | null> => {
  const user = await getSignedInUser();
  if (!user) return null;
  try {
    const membership = await getActiveMembership({
      db: getServices().db,
      userId: user.userId,
      preferredOrgId: await readActiveOrgId(),
    });
    return { ...user, ...membership };
  } catch (error) {
    if (isGatehouseError(error, "unauthenticated")) return null;
    throw error;
  }
});

/** The session context for a page or server action; sends anyone signed out to /sign-in. */
export async function requireSession(): Promise<SessionContext> {
  const context = await getSessionContext();
  if (!context) redirect("/sign-in");
  return context;
}
