import { discoverTools } from "@gatehouse/core/catalogue/discover-tools";
import { completeUpstreamAuthorization } from "@gatehouse/core/upstream-auth/complete-upstream-authorization";
import { disconnectUpstreamOAuth } from "@gatehouse/core/upstream-auth/disconnect-upstream-oauth";
import { getUpstreamAccessToken } from "@gatehouse/core/upstream-auth/get-upstream-access-token";
import { getUpstreamOAuthStatus } from "@gatehouse/core/upstream-auth/get-upstream-oauth-status";
import { createDb } from "@gatehouse/db/client";
import { createTestAccount } from "@gatehouse/testing/create-test-account";
import { type OAuthUpstream, startOAuthUpstream } from "@gatehouse/testing/start-oauth-upstream";
import { TEST_DATABASE_URL } from "@gatehouse/testing/test-env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gatehouseFailure, testSecretBox, useTestDb } from "./test-support";
import {
  connectServer,
  type OAuthAccount,
  REDIRECT_URI,
  registerOAuthServer,
  startConnect,
} from "./upstream-auth-support";

const db = useTestDb();
const policy = { allowPrivateNetworks: true };
let upstream: OAuthUpstream;
let account: OAuthAccount;

beforeAll(async () => {
  [upstream, account] = await Promise.all([startOAuthUpstream(), createTestAccount(db, "upoauth")]);
});
afterAll(() => upstream?.close());

const tokenFor = (serverId: string, options: { now?: () => Date; database?: typeof db } = {}) =>
  getUpstreamAccessToken({
    db: options.database ?? db,
    secretBox: testSecretBox,
    orgId: account.orgId,
    serverId,
    policy,
    timeoutMs: 5_000,
    ...(options.now ? { now: options.now } : {}),
  });
const discover = (serverId: string) =>
  discoverTools({
    ...{ db, secretBox: testSecretBox, orgId: account.orgId, serverId },
    ...{ allowStdio: false, allowPrivateNetworks: true, timeoutMs: 5_000 },
  });
const eventsOf = (serverId: string) =>
  db.adminEvent.findMany({
    where: { orgId: account.orgId, targetId: serverId },
    orderBy: { occurredAt: "asc" },
  });
// A clock past any refresh time the fake server's one-minute tokens get.
const later = () => new Date(Date.now() + 5 * 60_000);

describe("connecting an OAuth-protected upstream", () => {
  it("registers it as using OAuth, not connected, until someone connects", async () => {
    const serverId = await registerOAuthServer(db, account, upstream.url);
    expect(await getUpstreamOAuthStatus({ db, orgId: account.orgId, serverId })).toMatchObject({
      status: "not_connected",
    });
    const failure = await gatehouseFailure(tokenFor(serverId));
    expect(failure.message).toMatch(/not connected to it yet.*click Connect/);
  });

  it("switches a server registered without OAuth to OAuth when discovery is refused with 401", async () => {
    const serverId = await registerOAuthServer(db, account, upstream.url);
    await db.upstreamOAuthConnection.delete({ where: { serverId } });
    const failure = await gatehouseFailure(discover(serverId));
    expect(failure).toMatchObject({ code: "upstream_auth_failed" });
    expect(failure.message).toMatch(/requires OAuth.*click Connect/);
    expect(await getUpstreamOAuthStatus({ db, orgId: account.orgId, serverId })).toMatchObject({
      status: "not_connected",
    });
  });

  it("runs discovery, dynamic registration, PKCE and the code exchange, then discovers tools with the token", async () => {
    const serverId = await registerOAuthServer(db, account, upstream.url);
    const { authorizationUrl } = await startConnect(db, account, serverId);
    const authorize = new URL(authorizationUrl);
    expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorize.searchParams.get("resource")).toBe(upstream.url);
    await connectServer(db, account, authorizationUrl);

    const status = await getUpstreamOAuthStatus({ db, orgId: account.orgId, serverId });
    expect(status).toMatchObject({ status: "connected", lastError: null });
    const result = await discover(serverId);
    expect(result.toolCount).toBe(1);

    const events = await eventsOf(serverId);
    const connected = events.find((event) => event.action === "server.oauth_connected");
    expect(connected?.details).toMatchObject({ clientRegistration: "dynamic" });
    const stored = await db.upstreamOAuthConnection.findUniqueOrThrow({ where: { serverId } });
    const token = await tokenFor(serverId);
    expect(JSON.stringify(connected)).not.toContain(token?.accessToken);
    expect(stored.tokensEncrypted).not.toContain(token?.accessToken);
  });

  it("refuses a state used twice, and one completed by another organisation's user", async () => {
    const serverId = await registerOAuthServer(db, account, upstream.url);
    const { authorizationUrl } = await startConnect(db, account, serverId);
    const callback = await connectServer(db, account, authorizationUrl);
    const again = await gatehouseFailure(
      completeUpstreamAuthorization({ db, secretBox: testSecretBox, ...account, ...callback, policy }),
    );
    expect(again).toMatchObject({ code: "invalid_input", message: expect.stringMatching(/already used/) });

    const other = await createTestAccount(db, "upoauth-other");
    const second = await startConnect(db, account, serverId);
    const stolen = await gatehouseFailure(connectServer(db, other, second.authorizationUrl));
    expect(stolen).toMatchObject({ code: "invalid_input", message: expect.stringMatching(/someone else/) });
    expect(await gatehouseFailure(startConnect(db, other, serverId))).toMatchObject({ code: "not_found" });
    expect(
      await gatehouseFailure(
        disconnectUpstreamOAuth({ db, orgId: other.orgId, actor: other.actor, serverId }),
      ),
    ).toMatchObject({ code: "not_found" });
  });

  it("asks for a client id when the server offers no dynamic registration, and works with one", async () => {
    const manual = await startOAuthUpstream({ dynamicRegistration: false });
    try {
      const serverId = await registerOAuthServer(db, account, manual.url);
      const failure = await gatehouseFailure(startConnect(db, account, serverId));
      expect(failure.fieldErrors[0]).toMatchObject({ field: "clientId" });
      expect(failure.message).toMatch(/does not let Gatehouse register itself/);
      manual.addClient({
        client_id: "gatehouse-manual",
        client_secret: "manual-secret",
        redirect_uris: [REDIRECT_URI],
        token_endpoint_auth_method: "client_secret_post",
      });
      const { authorizationUrl } = await startConnect(db, account, serverId, {
        clientId: "gatehouse-manual",
        clientSecret: "manual-secret",
      });
      await connectServer(db, account, authorizationUrl);
      expect(await tokenFor(serverId)).toMatchObject({ accessToken: expect.stringMatching(/^at-/) });
    } finally {
      await manual.close();
    }
  });
});

describe("refreshing upstream tokens", () => {
  async function connectedServer() {
    const serverId = await registerOAuthServer(db, account, upstream.url);
    await connectServer(db, account, (await startConnect(db, account, serverId)).authorizationUrl);
    return serverId;
  }

  it("keeps a fresh token, and refreshes one that is due", async () => {
    const serverId = await connectedServer();
    const first = await tokenFor(serverId);
    expect(await tokenFor(serverId)).toEqual(first);
    const before = upstream.refreshCount();
    const refreshed = await tokenFor(serverId, { now: later });
    expect(upstream.refreshCount()).toBe(before + 1);
    expect(refreshed?.accessToken).not.toBe(first?.accessToken);
    expect(await tokenFor(serverId)).toEqual(refreshed);
  });

  it("refreshes once when several processes find the token expired at the same time", async () => {
    const serverId = await connectedServer();
    const otherProcess = createDb(TEST_DATABASE_URL);
    try {
      const before = upstream.refreshCount();
      const tokens = await Promise.all([
        tokenFor(serverId, { now: later }),
        tokenFor(serverId, { now: later, database: otherProcess }),
        tokenFor(serverId, { now: later }),
        tokenFor(serverId, { now: later, database: otherProcess }),
      ]);
      expect(upstream.refreshCount()).toBe(before + 1);
      expect(new Set(tokens.map((token) => token?.accessToken)).size).toBe(1);
    } finally {
      await otherProcess.$disconnect();
    }
  });

  it("marks the server as needing reconnection when the refresh is refused with invalid_grant", async () => {
    const serverId = await connectedServer();
    upstream.revokeRefreshTokens();
    const failure = await gatehouseFailure(tokenFor(serverId, { now: later }));
    expect(failure).toMatchObject({ code: "upstream_auth_failed" });
    expect(failure.message).toMatch(/stopped working \(.*invalid_grant.*\).*click Connect/);
    expect(await getUpstreamOAuthStatus({ db, orgId: account.orgId, serverId })).toMatchObject({
      status: "needs_reconnect",
      lastError: expect.stringMatching(/invalid_grant/),
    });
    const refreshes = upstream.refreshCount();
    expect((await gatehouseFailure(tokenFor(serverId))).message).toMatch(/stopped working/);
    expect(upstream.refreshCount()).toBe(refreshes);
    const events = await eventsOf(serverId);
    expect(events.map((event) => event.action)).toContain("server.oauth_needs_reconnect");

    await connectServer(db, account, (await startConnect(db, account, serverId)).authorizationUrl);
    expect(await getUpstreamOAuthStatus({ db, orgId: account.orgId, serverId })).toMatchObject({
      status: "connected",
    });
  });

  it("forgets the tokens on disconnect", async () => {
    const serverId = await connectedServer();
    await disconnectUpstreamOAuth({ db, orgId: account.orgId, actor: account.actor, serverId });
    expect((await gatehouseFailure(tokenFor(serverId))).message).toMatch(/not connected/);
    const stored = await db.upstreamOAuthConnection.findUniqueOrThrow({ where: { serverId } });
    expect(stored.tokensEncrypted).toBeNull();
  });
});
