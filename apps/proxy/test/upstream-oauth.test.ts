import { discoverTools } from "@gatehouse/core/catalogue/discover-tools";
import { registerServer } from "@gatehouse/core/servers/register-server";
import { completeUpstreamAuthorization } from "@gatehouse/core/upstream-auth/complete-upstream-authorization";
import { startUpstreamAuthorization } from "@gatehouse/core/upstream-auth/start-upstream-authorization";
import { followOAuthAuthorization } from "@gatehouse/testing/follow-oauth-authorization";
import { type OAuthUpstream, startOAuthUpstream } from "@gatehouse/testing/start-oauth-upstream";
import { uniqueSuffix } from "@gatehouse/testing/test-env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectAgent, firstText, proxyUrl, useTestbed } from "./proxy-harness";

const bed = useTestbed(1);
const REDIRECT_URI = "http://127.0.0.1:3999/api/dashboard/oauth/callback";
const ACCESS_TOKEN_LIFETIME_MS = 1_500;
const policy = { allowPrivateNetworks: true };
let upstream: OAuthUpstream;

beforeAll(async () => {
  upstream = await startOAuthUpstream({ accessTokenLifetimeMs: ACCESS_TOKEN_LIFETIME_MS });
});
afterAll(() => upstream?.close());

// Registers the OAuth-protected server and connects it as the dashboard would.
async function connectedServer(): Promise<string> {
  const { db, secretBox, account } = bed.harness;
  const { serverId } = await registerServer({
    ...{ db, secretBox, orgId: account.orgId, actor: account.actor },
    ...{ allowStdio: false, allowPrivateNetworks: true },
    input: { name: `oauth-${uniqueSuffix()}`, transport: "streamable_http", url: upstream.url },
  });
  const { authorizationUrl } = await startUpstreamAuthorization({
    ...{ db, secretBox, orgId: account.orgId, actor: account.actor, serverId },
    ...{ redirectUri: REDIRECT_URI, policy, timeoutMs: 5_000 },
  });
  const callback = await followOAuthAuthorization(authorizationUrl, REDIRECT_URI);
  await completeUpstreamAuthorization({
    db,
    secretBox,
    orgId: account.orgId,
    actor: account.actor,
    ...callback,
    policy,
  });
  await discoverTools({
    db,
    secretBox,
    orgId: account.orgId,
    serverId,
    allowStdio: false,
    ...policy,
    timeoutMs: 5_000,
  });
  return serverId;
}

const pastExpiry = () => new Promise((resolve) => setTimeout(resolve, ACCESS_TOKEN_LIFETIME_MS + 200));

describe("an upstream that requires OAuth", () => {
  it("is called with the current access token, refreshed by the proxy in the middle of a session", async () => {
    const serverId = await connectedServer();
    const { token } = await bed.harness.grant({ version: "1", default: "allow" }, "agent", serverId);
    const agent = await connectAgent(proxyUrl(bed.proxy, token));
    try {
      expect(firstText(await agent.callTool({ name: "echo", arguments: { message: "one" } }))).toBe("one");
      const refreshes = upstream.refreshCount();
      await pastExpiry();
      expect(firstText(await agent.callTool({ name: "echo", arguments: { message: "two" } }))).toBe("two");
      expect(upstream.refreshCount()).toBeGreaterThan(refreshes);
    } finally {
      await agent.close();
    }
  });

  it("refreshes at once and retries when the upstream refuses a token before its time", async () => {
    const serverId = await connectedServer();
    const { token } = await bed.harness.grant({ version: "1", default: "allow" }, "agent", serverId);
    const agent = await connectAgent(proxyUrl(bed.proxy, token));
    try {
      const refreshes = upstream.refreshCount();
      upstream.expireAccessTokens();
      expect(firstText(await agent.callTool({ name: "echo", arguments: { message: "again" } }))).toBe(
        "again",
      );
      expect(upstream.refreshCount()).toBe(refreshes + 1);
    } finally {
      await agent.close();
    }
  });

  it("tells the agent to have the server reconnected when the refresh is refused", async () => {
    const serverId = await connectedServer();
    const { token } = await bed.harness.grant({ version: "1", default: "allow" }, "agent", serverId);
    const agent = await connectAgent(proxyUrl(bed.proxy, token));
    try {
      upstream.revokeRefreshTokens();
      await pastExpiry();
      await expect(agent.callTool({ name: "echo", arguments: { message: "three" } })).rejects.toThrow(
        /OAuth sign-in to this server stopped working \(.*invalid_grant.*\).*click Connect/,
      );
    } finally {
      await agent.close();
    }
    const connection = await bed.harness.db.upstreamOAuthConnection.findUniqueOrThrow({
      where: { serverId },
    });
    expect(connection.status).toBe("needs_reconnect");
  });
});
