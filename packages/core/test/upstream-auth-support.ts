import type { UserActor } from "@gatehouse/core/admin-trail/admin-actor";
import { registerServer } from "@gatehouse/core/servers/register-server";
import { completeUpstreamAuthorization } from "@gatehouse/core/upstream-auth/complete-upstream-authorization";
import { startUpstreamAuthorization } from "@gatehouse/core/upstream-auth/start-upstream-authorization";
import type { Db } from "@gatehouse/db/client";
import { followOAuthAuthorization } from "@gatehouse/testing/follow-oauth-authorization";
import { uniqueSuffix } from "@gatehouse/testing/test-env";
import { testSecretBox } from "./test-support";

/** A test account and the dashboard callback its authorizations return to (never really served). */
export type OAuthAccount = { orgId: string; actor: UserActor };

export const REDIRECT_URI = "http://127.0.0.1:3999/api/dashboard/oauth/callback";
const policy = { allowPrivateNetworks: true };

/** Registers a Streamable HTTP server at `url` in the account's organisation. */
export async function registerOAuthServer(db: Db, account: OAuthAccount, url: string): Promise<string> {
  const { serverId, usesOAuth } = await registerServer({
    db,
    secretBox: testSecretBox,
    ...account,
    allowStdio: false,
    allowPrivateNetworks: true,
    input: { name: `oauth ${uniqueSuffix()}`, transport: "streamable_http", url },
  });
  if (!usesOAuth) throw new Error(`${url} was not recognised as an OAuth-protected server.`);
  return serverId;
}

/** Clicks "Connect" for a server, as the account's user. */
export function startConnect(
  db: Db,
  account: OAuthAccount,
  serverId: string,
  client: { clientId?: string; clientSecret?: string } = {},
) {
  return startUpstreamAuthorization({
    db,
    secretBox: testSecretBox,
    ...account,
    serverId,
    redirectUri: REDIRECT_URI,
    ...client,
    policy,
    timeoutMs: 5_000,
  });
}

/**
 * Plays the browser through the fake server's approval, then completes the authorization as
 * the account's user, as the dashboard's callback does. Returns what the callback received.
 */
export async function connectServer(db: Db, account: OAuthAccount, authorizationUrl: string) {
  const callback = await followOAuthAuthorization(authorizationUrl, REDIRECT_URI);
  await completeUpstreamAuthorization({ db, secretBox: testSecretBox, ...account, ...callback, policy });
  return callback;
}
