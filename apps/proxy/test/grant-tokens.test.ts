import { createGrant } from "@gatehouse/core/grants/create-grant";
import { rotateGrantToken } from "@gatehouse/core/grants/rotate-grant-token";
import { setGrantExpiry } from "@gatehouse/core/grants/set-grant-expiry";
import { describe, expect, it } from "vitest";
import { connectAgent, eventually, proxyUrl, useTestbed } from "./proxy-harness";

const bed = useTestbed(1);

const ALLOW_ALL = { version: "1", default: "allow" };
const UNKNOWN_TOKEN = `ghg_${"C".repeat(43)}`;

// An initialize, as the first request of any MCP client; enough to see whether a token is accepted.
async function initialize(token: string) {
  const response = await fetch(proxyUrl(bed.proxy, token), {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
    body: JSON.stringify({
      jsonrpc: "2.0",
      id: 1,
      method: "initialize",
      params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "curl", version: "1" } },
    }),
  });
  const text = await response.text();
  return {
    status: response.status,
    challenge: response.headers.get("www-authenticate"),
    body: response.headers.get("content-type")?.includes("json") ? (JSON.parse(text) as unknown) : text,
  };
}

function rotate(grantId: string, gracePeriodSeconds: number) {
  const { db, notify, account } = bed.harness;
  return rotateGrantToken({
    db,
    notify,
    orgId: account.orgId,
    actor: account.actor,
    grantId,
    gracePeriodSeconds,
  });
}

async function echo(token: string, message = "hi") {
  const agent = await connectAgent(proxyUrl(bed.proxy, token));
  try {
    return await agent.callTool({ name: "echo", arguments: { message } });
  } finally {
    await agent.close();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("token rotation", () => {
  it("accepts the old token during the grace period, then refuses it exactly like an unknown token", async () => {
    const { grantId, token: oldToken } = await bed.harness.grant(ALLOW_ALL);
    await echo(oldToken);
    const { token: newToken, previousTokenExpiresAt } = await rotate(grantId, 1);
    // Both work while the grace period lasts; the old one from the proxy's cache.
    await echo(oldToken, "old");
    await echo(newToken, "new");
    await sleep(Math.max(0, (previousTokenExpiresAt?.getTime() ?? 0) - Date.now()) + 50);
    const refused = await initialize(oldToken);
    expect(refused.status).toBe(401);
    expect(refused).toEqual(await initialize(UNKNOWN_TOKEN));
    expect((await initialize(newToken)).status).toBe(200);
  });

  it("with no grace period, stops the cached old token on its next call and ends its sessions", async () => {
    const { grantId, token: oldToken } = await bed.harness.grant(ALLOW_ALL);
    const agent = await connectAgent(proxyUrl(bed.proxy, oldToken));
    await agent.callTool({ name: "echo", arguments: { message: "before" } });
    const { token: newToken } = await rotate(grantId, 0);
    expect((await initialize(oldToken)).status).toBe(401);
    await expect(agent.callTool({ name: "echo", arguments: { message: "after" } })).rejects.toThrow();
    await agent.close().catch(() => undefined);
    expect(await echo(newToken, "new")).toMatchObject({ content: [{ type: "text" }] });
  });
});

describe("grant expiry", () => {
  it("refuses an expired grant with 401 saying when it expired and what to do, until it is extended", async () => {
    const { db, notify, account, serverId } = bed.harness;
    const expiresAt = new Date(Date.now() + 1500);
    const input = { serverId, name: "expiring agent", policy: JSON.stringify(ALLOW_ALL), expiresAt };
    const { grantId, token } = await createGrant({ db, orgId: account.orgId, actor: account.actor, input });
    await echo(token);
    await sleep(expiresAt.getTime() - Date.now() + 50);
    const refused = await initialize(token);
    expect(refused.status).toBe(401);
    expect(refused.challenge).toBe('Bearer realm="gatehouse"');
    expect(refused.body).toMatchObject({
      jsonrpc: "2.0",
      id: null,
      error: {
        code: -32001,
        message: `Unauthorized: this grant expired at ${expiresAt.toISOString()}. Ask its owner to extend it or issue a new grant.`,
      },
    });
    const later = new Date(Date.now() + 3_600_000);
    await setGrantExpiry({
      db,
      notify,
      orgId: account.orgId,
      actor: account.actor,
      grantId,
      expiresAt: later,
    });
    await eventually(async () => expect((await initialize(token)).status).toBe(200));
  });
});

describe("last used", () => {
  it("records a call's time, and writes it at most once a minute per grant", async () => {
    const { db } = bed.harness;
    const { grantId, token } = await bed.harness.grant(ALLOW_ALL);
    expect((await db.grant.findUniqueOrThrow({ where: { id: grantId } })).lastUsedAt).toBeNull();
    const before = Date.now();
    await echo(token);
    const first = await eventually(async () => {
      const { lastUsedAt } = await db.grant.findUniqueOrThrow({ where: { id: grantId } });
      expect(lastUsedAt?.getTime()).toBeGreaterThanOrEqual(before - 1000);
      return lastUsedAt;
    });
    expect(first).not.toBeNull();
    // A sentinel in its place shows whether the next calls write again.
    const sentinel = new Date("2001-01-01T00:00:00Z");
    await db.grant.update({ where: { id: grantId }, data: { lastUsedAt: sentinel } });
    await echo(token, "again");
    await sleep(500);
    expect((await db.grant.findUniqueOrThrow({ where: { id: grantId } })).lastUsedAt).toEqual(sentinel);
  });
});
