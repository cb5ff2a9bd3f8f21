import { buildProxyUrl } from "@gatehouse/core/grants/grant-token";
import { revokeGrant } from "@gatehouse/core/grants/revoke-grant";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RELAYED_HEADER } from "../src/http/relay-to-owner";
import { connectAgent, eventually, firstText, type RunningProxy, useTestbed } from "./proxy-harness";
import { expectJsonRpcError, openRawSession, postRaw } from "./raw-mcp";
import { connectRelayAgent } from "./relay-agent";
import { startRelayUpstream } from "./relay-upstream";
import { type Balancer, startRoundRobinBalancer } from "./round-robin-balancer";
import { ALLOW_ALL, CALL_ECHO, sessionIdOf } from "./scale-out-fixtures";

// Three proxies behind a balancer with no stickiness: each request of a session lands on the
// next proxy, so most reach a proxy that does not hold the session and must relay it.
const bed = useTestbed(3);
const proxies = () => [0, 1, 2].map((index) => bed.proxyAt(index));
let balancer: Balancer;

beforeAll(async () => {
  balancer = await startRoundRobinBalancer(proxies().map((proxy) => proxy.baseUrl));
});
afterAll(() => balancer.stop());

/** The index of the one proxy holding the session; fails if none or several do. */
function ownerOf(sessionId: string, among: RunningProxy[] = proxies()): number {
  const holders = among.flatMap((proxy, index) => (proxy.deps.sessions.get(sessionId) ? [index] : []));
  expect(holders).toHaveLength(1);
  return holders[0] ?? -1;
}

/**
 * Sends pings until the balancer's next request goes to a proxy other than the owner, once the
 * agent's GET stream (opened in the background after initialize) has taken its turn.
 */
async function skipOwner(agent: Client, owner: number): Promise<void> {
  const sessionId = sessionIdOf(agent);
  await eventually(async () => {
    expect(balancer.routed.some((r) => r.sessionId === sessionId && r.method === "GET")).toBe(true);
  });
  while (balancer.nextTarget() === owner) await agent.ping();
}

describe("any proxy serves any session", () => {
  it("serves initialize, list and calls whichever proxy each request reaches, audited once", async () => {
    const { token, grantId } = await bed.harness.grant(ALLOW_ALL);
    const agent = await connectAgent(buildProxyUrl(balancer.url, token));
    const sessionId = sessionIdOf(agent);
    const { tools } = await agent.listTools();
    expect(tools.map((tool) => tool.name)).toContain("echo");
    for (let i = 0; i < 6; i++) {
      const result = await agent.callTool({ name: "echo", arguments: { message: `call ${i}` } });
      expect(firstText(result)).toBe(`Echo: call ${i}`);
    }
    ownerOf(sessionId);
    const targets = new Set(balancer.routed.filter((r) => r.sessionId === sessionId).map((r) => r.target));
    expect([...targets].sort()).toEqual([0, 1, 2]);
    await Promise.all(proxies().map((proxy) => proxy.deps.audit.drain()));
    await eventually(async () => {
      const rows = await bed.harness.db.auditEvent.findMany({ where: { grantId, method: "tools/call" } });
      expect(rows).toHaveLength(6);
    });
    await agent.close();
  });

  it("streams a server-initiated notification over a GET stream a non-owner relays", async () => {
    const { token } = await bed.harness.grant(ALLOW_ALL);
    const { agent, inbox } = await connectRelayAgent(buildProxyUrl(balancer.url, token));
    const sessionId = sessionIdOf(agent);
    const owner = ownerOf(sessionId);
    const uri = "demo://resource/static/document/extension.md";
    await agent.subscribeResource({ uri });
    await agent.callTool({ name: "toggle-subscriber-updates", arguments: {} });
    await eventually(async () => {
      const updated = inbox.notifications.filter((n) => n.method === "notifications/resources/updated");
      expect(updated.map((n) => n.params?.uri)).toContain(uri);
    });
    await agent.callTool({ name: "toggle-subscriber-updates", arguments: {} });
    const streams = balancer.routed.filter((r) => r.sessionId === sessionId && r.method === "GET");
    expect(streams.length).toBeGreaterThanOrEqual(1);
    expect(streams.every((r) => r.target !== owner)).toBe(true);
    await agent.close();
  });

  it("ends the session on its owner when DELETE reaches another proxy", async () => {
    const { token } = await bed.harness.grant(ALLOW_ALL);
    const agent = await connectAgent(buildProxyUrl(balancer.url, token));
    const sessionId = sessionIdOf(agent);
    const owner = ownerOf(sessionId);
    await skipOwner(agent, owner);
    await (agent.transport as StreamableHTTPClientTransport).terminateSession();
    expect(balancer.routed.at(-1)).toMatchObject({ method: "DELETE", sessionId });
    expect(balancer.routed.at(-1)?.target).not.toBe(owner);
    await eventually(async () => {
      expect(bed.proxyAt(owner).deps.sessions.get(sessionId)).toBeUndefined();
      expect(await bed.proxyAt(owner).deps.sessionDirectory.ownerOf(sessionId)).toBeUndefined();
    });
    for (const proxy of proxies()) {
      const answer = await postRaw(buildProxyUrl(proxy.baseUrl, token), CALL_ECHO, {
        "mcp-session-id": sessionId,
      });
      expect(answer.status).toBe(404);
    }
  });

  it("shares a rate limit exactly across the three proxies", async () => {
    const policy = {
      version: "1",
      default: "allow",
      tools: { echo: { limits: [{ counter: "spread", window: "day", max: 5 }] } },
    };
    const { token } = await bed.harness.grant(policy);
    const agents = await Promise.all([0, 1].map(() => connectAgent(buildProxyUrl(balancer.url, token))));
    const calls = agents.flatMap((agent) =>
      Array.from({ length: 6 }, (_, i) => agent.callTool({ name: "echo", arguments: { message: `${i}` } })),
    );
    const results = await Promise.all(calls);
    expect(results.filter((result) => !result.isError)).toHaveLength(5);
    await Promise.all(agents.map((agent) => agent.close()));
  });

  it("refuses the next call on every proxy once the grant is revoked from the dashboard", async () => {
    const { token, grantId } = await bed.harness.grant(ALLOW_ALL);
    const agent = await connectAgent(buildProxyUrl(balancer.url, token));
    const sessionId = sessionIdOf(agent);
    await agent.callTool({ name: "echo", arguments: { message: "before" } });
    const { db, notify, account } = bed.harness;
    await revokeGrant({ db, notify, orgId: account.orgId, grantId, actor: { type: "system" } });
    await eventually(async () => {
      for (const proxy of proxies()) {
        const answer = await postRaw(buildProxyUrl(proxy.baseUrl, token), CALL_ECHO, {
          "mcp-session-id": sessionId,
        });
        expect(answer.status).toBe(401);
      }
    });
    await expect(agent.callTool({ name: "echo", arguments: { message: "after" } })).rejects.toThrow();
  });

  it("cancels a relayed call on its owner when the agent hangs up on the relaying proxy", async () => {
    const upstream = await startRelayUpstream();
    try {
      const serverId = await bed.harness.registerServer(upstream.url);
      const { token } = await bed.harness.grant(ALLOW_ALL, "agent", serverId);
      const headers = await openRawSession(buildProxyUrl(bed.proxyAt(0).baseUrl, token), "2025-11-25");
      const controller = new AbortController();
      const wait = JSON.stringify({
        jsonrpc: "2.0",
        id: 9,
        method: "tools/call",
        params: { name: "wait", arguments: {} },
      });
      const call = fetch(buildProxyUrl(bed.proxyAt(1).baseUrl, token), {
        method: "POST",
        headers: {
          ...headers,
          "content-type": "application/json",
          accept: "application/json, text/event-stream",
        },
        body: wait,
        signal: controller.signal,
      }).then((response) => response.text());
      await new Promise((resolve) => setTimeout(resolve, 300));
      controller.abort();
      await expect(call).rejects.toThrow();
      await eventually(async () => expect(upstream.cancelled()).toBe(1));
    } finally {
      await upstream.stop();
    }
  });

  it("never relays a request another proxy relayed", async () => {
    const { token } = await bed.harness.grant(ALLOW_ALL);
    const agent = await connectAgent(buildProxyUrl(balancer.url, token));
    const sessionId = sessionIdOf(agent);
    const other = bed.proxyAt((ownerOf(sessionId) + 1) % 3);
    const headers = { "mcp-session-id": sessionId, [RELAYED_HEADER]: "1" };
    const answer = await postRaw(buildProxyUrl(other.baseUrl, token), CALL_ECHO, headers);
    expect(answer.status).toBe(404);
    expect(expectJsonRpcError(answer.messages[0]).error.message).toMatch(/^Session not found/);
    await agent.close();
  });
});
