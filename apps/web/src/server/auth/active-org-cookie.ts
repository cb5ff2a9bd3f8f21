import "server-only";
import { cookies } from "next/headers";
import { getEnv } from "@/env";

// Per browser, so two tabs' windows on one account agree and another browser keeps its own choice.
const ACTIVE_ORG_COOKIE = "gatehouse-active-org";
const ACTIVE_ORG_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;
const ORG_ID_PATTERN = /^[A-Za-z0-9_-]{1,100}$/;

/**
 * The organisation this browser last chose, or null. Only a hint: the session honours it
 * only while the user is still a member, so the cookie grants nothing by itself.
 */
export async function readActiveOrgId(): Promise<string | null> {
  const value = (await cookies()).get(ACTIVE_ORG_COOKIE)?.value;
  return value && ORG_ID_PATTERN.test(value) ? value : null;
}

/** Makes `orgId` this browser's active organisation; only server actions and route handlers may call it. */
export async function writeActiveOrgId(orgId: string): Promise<void> {
  (await cookies()).set(ACTIVE_ORG_COOKIE, orgId, {
    httpOnly: true,
    sameSite: "lax",
    secure: getEnv().NEXTAUTH_URL?.startsWith("https:") ?? false,
    path: "/",
    maxAge: ACTIVE_ORG_MAX_AGE_SECONDS,
  });
}
