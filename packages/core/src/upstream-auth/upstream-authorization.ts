import { GatehouseError } from "../errors/gatehouse-error";
import { getUpstreamAccessToken, type UpstreamAccessToken } from "./get-upstream-access-token";

/**
 * Gives the Authorization header value for the next request to an upstream; `afterRejection`
 * when the upstream refused the previous one with 401 (revoked early, or it forgot it).
 */
export type UpstreamAuthorization = (options?: { afterRejection?: boolean }) => Promise<string>;

/**
 * The bearer token source for a connection to one server, or undefined when the server does
 * not use OAuth. It keeps the token until it is due for a refresh, so a long session asks
 * the database once per token, and refreshes in the middle of a session when needed.
 */
export async function createUpstreamAuthorization(
  options: Parameters<typeof getUpstreamAccessToken>[0],
): Promise<UpstreamAuthorization | undefined> {
  const now = options.now ?? (() => new Date());
  let current: UpstreamAccessToken | null = await getUpstreamAccessToken(options);
  if (!current) return undefined;
  return async ({ afterRejection = false } = {}) => {
    if (!current || afterRejection || (current.refreshAt && current.refreshAt <= now())) {
      const rejected = afterRejection && current ? { rejectedAccessToken: current.accessToken } : {};
      current = await getUpstreamAccessToken({ ...options, ...rejected });
    }
    if (!current) {
      throw new GatehouseError("upstream_auth_failed", "This server stopped using OAuth. Reconnect to it.");
    }
    return `Bearer ${current.accessToken}`;
  };
}
