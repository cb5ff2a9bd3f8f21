import "server-only";
import { headers } from "next/headers";
import { getServices } from "@/server/services";

/** Where authorization servers send the browser back to after "Connect". */
export const OAUTH_CALLBACK_PATH = "/api/dashboard/oauth/callback";

/**
 * The dashboard's absolute callback URL, registered with each authorization server: from
 * NEXTAUTH_URL (the dashboard's public URL), or else from the request's own host.
 */
export async function oauthCallbackUrl(): Promise<string> {
  const { env } = getServices();
  if (env.NEXTAUTH_URL) return new URL(OAUTH_CALLBACK_PATH, env.NEXTAUTH_URL).href;
  const incoming = await headers();
  const host = incoming.get("x-forwarded-host") ?? incoming.get("host") ?? "localhost:3000";
  const protocol = incoming.get("x-forwarded-proto") ?? "http";
  return new URL(OAUTH_CALLBACK_PATH, `${protocol}://${host}`).href;
}
