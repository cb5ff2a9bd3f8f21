import type { Db } from "@gatehouse/db/client";
import type { Prisma, UpstreamOAuthConnection, UpstreamOAuthStatus } from "@gatehouse/db/models";
import { recordAdminEvent } from "../admin-trail/record-admin-event";
import { GatehouseError } from "../errors/gatehouse-error";
import type { NetworkPolicy } from "../network/classify-address";
import { createGuardedFetch } from "../network/guarded-fetch";
import type { SecretBox } from "../secrets/secret-box";
import { type RefreshOutcome, refreshUpstreamTokens } from "./refresh-upstream-tokens";
import { OAuthClientStateSchema, openJson, StoredTokensSchema, sealJson } from "./sealed-oauth-state";
import { tokenTimes } from "./token-times";

/** A usable access token and when it should be refreshed (null: it does not expire). */
export type UpstreamAccessToken = { accessToken: string; refreshAt: Date | null };

type TokenOptions = {
  db: Db;
  secretBox: SecretBox;
  orgId: string;
  serverId: string;
  policy: NetworkPolicy;
  timeoutMs: number;
  /** A token the upstream just refused with 401: it is refreshed even if it has not expired. */
  rejectedAccessToken?: string;
  now?: () => Date;
};

/**
 * The access token to send a server that uses OAuth, refreshed first when it is (nearly)
 * expired or was refused; null for a server that does not use OAuth. Of several processes
 * finding it expired, one refreshes (under a row lock) and the others use its new token. Throws
 * upstream_auth_failed, saying what a person must do, when the server is not connected.
 */
export async function getUpstreamAccessToken(options: TokenOptions): Promise<UpstreamAccessToken | null> {
  const now = options.now ?? (() => new Date());
  const connection = await options.db.upstreamOAuthConnection.findFirst({
    where: { serverId: options.serverId, orgId: options.orgId },
  });
  if (!connection) return null;
  const current = usableToken(options, connection, now());
  if (current) return current;
  // Serialised on the row: a refresh token is often single-use, so two refreshes at once would
  // leave one process holding a refused token.
  const outcome = await options.db.$transaction((tx) => refreshUnderLock(tx, options, connection.id, now), {
    maxWait: options.timeoutMs,
    timeout: options.timeoutMs * 2,
  });
  if (outcome.kind === "token") return outcome.token;
  if (outcome.kind === "failed") throw outcome.error;
  await recordNeedsReconnect(options, outcome.reason);
  throw notConnectedError("needs_reconnect", outcome.reason);
}

// Re-reads the row once locked: another process may have refreshed while this one waited.
async function refreshUnderLock(
  tx: Prisma.TransactionClient,
  options: TokenOptions,
  connectionId: string,
  now: () => Date,
): Promise<{ kind: "token"; token: UpstreamAccessToken } | Exclude<RefreshOutcome, { kind: "refreshed" }>> {
  await tx.$queryRaw`SELECT id FROM "UpstreamOAuthConnection" WHERE id = ${connectionId} FOR UPDATE`;
  const locked = await tx.upstreamOAuthConnection.findUniqueOrThrow({ where: { id: connectionId } });
  const fresh = usableToken(options, locked, now());
  if (fresh) return { kind: "token", token: fresh };
  const clientState = openJson(options.secretBox, locked.clientEncrypted ?? "", OAuthClientStateSchema);
  const tokens = openJson(options.secretBox, locked.tokensEncrypted ?? "", StoredTokensSchema);
  const refreshed = await refreshUpstreamTokens({
    clientState,
    tokens,
    fetch: createGuardedFetch(options.policy),
  });
  if (refreshed.kind === "failed") return refreshed;
  if (refreshed.kind === "needs_reconnect") {
    await tx.upstreamOAuthConnection.update({
      where: { id: connectionId },
      data: { status: "needs_reconnect", lastError: refreshed.reason },
    });
    return refreshed;
  }
  const times = tokenTimes(refreshed.tokens, now());
  await tx.upstreamOAuthConnection.update({
    where: { id: connectionId },
    data: { tokensEncrypted: sealJson(options.secretBox, refreshed.tokens), ...times },
  });
  return { kind: "token", token: { accessToken: refreshed.tokens.access_token, refreshAt: times.refreshAt } };
}

function usableToken(
  options: TokenOptions,
  connection: UpstreamOAuthConnection,
  now: Date,
): UpstreamAccessToken | null {
  if (connection.status !== "connected" || !connection.tokensEncrypted) {
    throw notConnectedError(connection.status, connection.lastError);
  }
  if (connection.refreshAt && connection.refreshAt <= now) return null;
  const tokens = openJson(options.secretBox, connection.tokensEncrypted, StoredTokensSchema);
  if (tokens.access_token === options.rejectedAccessToken) return null;
  return { accessToken: tokens.access_token, refreshAt: connection.refreshAt };
}

async function recordNeedsReconnect(options: TokenOptions, reason: string) {
  const server = await options.db.mcpServer.findUnique({
    where: { id: options.serverId },
    select: { name: true },
  });
  await recordAdminEvent(options.db, {
    orgId: options.orgId,
    actor: { type: "system" },
    action: "server.oauth_needs_reconnect",
    target: { id: options.serverId, name: server?.name ?? null },
    details: { reason },
  });
}

function notConnectedError(status: UpstreamOAuthStatus, reason: string | null): GatehouseError {
  const what =
    status === "needs_reconnect"
      ? `Gatehouse's OAuth sign-in to this server stopped working (${reason ?? "the authorization server refused it"}).`
      : "This server requires OAuth and Gatehouse is not connected to it yet.";
  return new GatehouseError(
    "upstream_auth_failed",
    `${what} An owner or admin must open the server in the Gatehouse dashboard and click Connect.`,
  );
}
