import "server-only";
import { isGatehouseError } from "@gatehouse/core/errors/gatehouse-error";
import { getActiveMembership } from "@gatehouse/core/orgs/get-active-membership";
import type { Role } from "@gatehouse/db/models";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { getAuthOptions } from "@/server/auth/auth-options";
import { getServices } from "@/server/services";

/** Who is acting and in which organisation; every query a page or action makes is scoped by `orgId`. */
export type SessionContext = {
  userId: string;
  name: string;
  email: string;
  orgId: string;
  orgName: string;
  role: Role;
};

/**
 * The signed-in user's context, or null when there is no valid session or the user
 * no longer has an organisation. Cached per request, so a page and its helpers share one lookup.
 */
export const getSessionContext = cache(async (): Promise<SessionContext | null> => {
  const session = await getServerSession(getAuthOptions());
  const userId = session?.user.id;
  if (!session || !userId) return null;
  try {
    const membership = await getActiveMembership({ db: getServices().db, userId });
    return { userId, name: session.user.name, email: session.user.email, ...membership };
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
