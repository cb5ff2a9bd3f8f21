import { GatehouseError } from "../errors/gatehouse-error";
import { getUpstreamAccessToken, type UpstreamAccessToken } from "./get-upstream-access-token";

/** Gives the Authorization header value for the next request to an upstream. */
export type UpstreamAuthorization = () => Promise<string>;

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
  return async () => {
    if (!current || (current.refreshAt && current.refreshAt <= now())) {
      current = await getUpstreamAccessToken(options);
    }
    if (!current) {
      throw new GatehouseError("upstream_auth_failed", "This server stopped using OAuth. Reconnect to it.");
    }
    return `Bearer ${current.accessToken}`;
  };
}
