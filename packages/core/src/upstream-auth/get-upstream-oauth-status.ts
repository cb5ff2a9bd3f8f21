import type { Db } from "@gatehouse/db/client";

/**
 * How a server signs in with OAuth, for its page: null when it does not use OAuth. Never
 * returns a token or client secret.
 */
export async function getUpstreamOAuthStatus(options: { db: Db; orgId: string; serverId: string }) {
  return options.db.upstreamOAuthConnection.findFirst({
    where: { serverId: options.serverId, orgId: options.orgId },
    select: { status: true, connectedAt: true, accessTokenExpiresAt: true, lastError: true },
  });
}
