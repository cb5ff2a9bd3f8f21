import { isGatehouseError } from "@gatehouse/core/errors/gatehouse-error";
import { completeUpstreamAuthorization } from "@gatehouse/core/upstream-auth/complete-upstream-authorization";
import { serverIdOfOAuthState } from "@gatehouse/core/upstream-auth/oauth-state-token";
import { z } from "zod";
import { can } from "@/server/auth/permissions";
import { getSessionContext } from "@/server/auth/session";
import { sessionActor } from "@/server/auth/session-actor";
import { getServices } from "@/server/services";

const CallbackQuerySchema = z.object({
  state: z.string().max(500).default(""),
  code: z.string().max(2000).optional(),
  // RFC 6749 error codes are short ASCII words; anything else is not echoed onto the page.
  error: z
    .string()
    .optional()
    .transform((value) => (value && /^[\w.-]{1,64}$/.test(value) ? value : value ? "unknown" : undefined)),
});

/**
 * Where the upstream's authorization server sends the browser back after "Connect": completes
 * the authorization as the signed-in user and returns to the server's page, which explains
 * the outcome (connected, refused, expired, failed).
 */
export async function GET(request: Request): Promise<Response> {
  const { db, secretBox, env, logger } = getServices();
  const url = new URL(request.url);
  const query = CallbackQuerySchema.parse(Object.fromEntries(url.searchParams));
  const serverId = serverIdOfOAuthState(query.state);
  const back = (outcome: Record<string, string>) =>
    redirectTo(serverId ? `/servers/${encodeURIComponent(serverId)}` : "/servers", outcome);
  const session = await getSessionContext();
  // Signing in again keeps the code and state, so the authorization still completes.
  if (!session) return redirectTo("/sign-in", { callbackUrl: `${url.pathname}${url.search}` });
  if (!serverId || !can(session.role, "manage_servers")) return back({ oauth: "expired" });
  if (query.error || !query.code) return back({ oauth: "denied", reason: query.error ?? "no_code" });
  try {
    await completeUpstreamAuthorization({
      db,
      secretBox,
      orgId: session.orgId,
      actor: sessionActor(session),
      state: query.state,
      code: query.code,
      policy: { allowPrivateNetworks: env.GATEHOUSE_ALLOW_PRIVATE_NETWORKS },
    });
    return back({ oauth: "connected" });
  } catch (error) {
    if (isGatehouseError(error, "invalid_input")) return back({ oauth: "expired" });
    logger.warn({ err: error, serverId }, "upstream oauth callback failed");
    return back({ oauth: "failed" });
  }
}

// A relative Location keeps the browser on the dashboard's public host, even behind a reverse proxy.
function redirectTo(path: string, query: Record<string, string>): Response {
  const search = new URLSearchParams(query).toString();
  return new Response(null, { status: 303, headers: { location: search ? `${path}?${search}` : path } });
}
