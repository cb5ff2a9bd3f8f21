import type { Db } from "@gatehouse/db/client";
import { GatehouseError } from "../errors/gatehouse-error";
import type { NetworkPolicy } from "../network/classify-address";
import { createGuardedFetch } from "../network/guarded-fetch";
import type { UpstreamConfig } from "../upstream/upstream-config";
import { upstreamHttpStatus } from "../upstream/upstream-http-status";
import { detectUpstreamOAuth } from "./discover-upstream-oauth";

/**
 * After an upstream refused discovery with 401: when it asks for OAuth and says how (a server
 * registered before it did, or before Gatehouse knew OAuth), marks it as using OAuth, so its
 * page offers Connect, and returns the error that says so. Null when OAuth is not the answer.
 */
export async function adoptUpstreamOAuth(options: {
  db: Db;
  orgId: string;
  serverId: string;
  config: UpstreamConfig;
  error: unknown;
  policy: NetworkPolicy;
  timeoutMs: number;
}): Promise<GatehouseError | null> {
  const { config } = options;
  if (config.transport === "stdio" || upstreamHttpStatus(options.error) !== 401) return null;
  if (Object.keys(config.headers).some((name) => name.toLowerCase() === "authorization")) return null;
  const fetch = createGuardedFetch(options.policy);
  if (!(await detectUpstreamOAuth({ ...config, fetch, timeoutMs: options.timeoutMs }))) return null;
  await options.db.upstreamOAuthConnection.upsert({
    where: { serverId: options.serverId },
    create: { orgId: options.orgId, serverId: options.serverId },
    update: {},
  });
  return new GatehouseError(
    "upstream_auth_failed",
    `${config.url} requires OAuth, so Gatehouse now signs in to it with OAuth: click Connect in the server's Authentication section, then discover again.`,
    { cause: options.error },
  );
}
