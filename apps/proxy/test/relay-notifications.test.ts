import { createGrant } from "@gatehouse/core/grants/create-grant";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, firstText, proxyUrl, useTestbed } from "./proxy-harness";
import { type AgentInbox, connectRelayAgent } from "./relay-agent";
import { type RelayUpstream, startRelayUpstream } from "./relay-upstream";

const bed = useTestbed(1);
let upstream: RelayUpstream;
let upstreamServerId: string;

beforeAll(async () => {
  upstream = await startRelayUpstream();
  upstreamServerId = await bed.harness.registerServer(upstream.url);
});
afterAll(() => upstream.stop());

async function relayAgent(serverId?: string): Promise<{ agent: Client; inbox: AgentInbox; grantId: string }> {
  const { token, grantId } = await bed.harness.grant({ version: "1", default: "allow" }, "agent", serverId);
  return { ...(await connectRelayAgent(proxyUrl(bed.proxy, token))), grantId };
}

async function auditRowsOf(grantId: string, method: string) {
  await bed.proxy.deps.audit.drain();
  return eventually(async () => {
    const rows = await bed.harness.db.auditEvent.findMany({ where: { grantId, method } });
    expect(rows.length).toBeGreaterThanOrEqual(1);
    return rows;
  });
}

describe("notifications between the upstream and the agent", () => {
  it("relays the progress of a long call under the agent's own progress token", async () => {
    const { agent } = await relayAgent();
    const progress: number[] = [];
    const result = await agent.callTool(
      { name: "trigger-long-running-operation", arguments: { duration: 0.6, steps: 3 } },
      undefined,
      { onprogress: (update) => progress.push(update.progress) },
    );
    expect(firstText(result)).toMatch(/Long running operation completed/);
    expect(progress).toEqual([1, 2, 3]);
    await agent.close();
  });

  it("forwards logging/setLevel upstream and relays the log messages the upstream then sends", async () => {
    const { agent, inbox, grantId } = await relayAgent();
    const uri = "demo://resource/static/document/architecture.md";
    await agent.setLoggingLevel("error");
    await agent.subscribeResource({ uri });
    await agent.setLoggingLevel("info");
    await agent.unsubscribeResource({ uri });
    const messages = await eventually(async () => {
      const data = inbox.logs.map((log) => String(log.data));
      expect(data.some((text) => text.includes("Unsubscribe"))).toBe(true);
      return data;
    });
    // At level "error" the upstream kept its info message about the subscription to itself.
    expect(messages.some((text) => text.includes("Received Subscribe"))).toBe(false);
    const [setLevel] = await auditRowsOf(grantId, "logging/setLevel");
    expect(setLevel).toMatchObject({ decision: "allow", upstreamStatus: "ok" });
    await agent.close();
  });

  it("relays resources/updated for a subscribed resource", async () => {
    const { agent, inbox, grantId } = await relayAgent();
    const uri = "demo://resource/static/document/extension.md";
    await agent.subscribeResource({ uri });
    await agent.callTool({ name: "toggle-subscriber-updates", arguments: {} });
    await eventually(async () => {
      const updated = inbox.notifications.filter((n) => n.method === "notifications/resources/updated");
      expect(updated.map((n) => n.params?.uri)).toContain(uri);
    });
    await agent.callTool({ name: "toggle-subscriber-updates", arguments: {} });
    const [subscribe] = await auditRowsOf(grantId, "resources/subscribe");
    expect(subscribe).toMatchObject({ tool: uri, decision: "allow", rule: "(default allow)" });
    await agent.close();
  });

  it("relays resource and prompt list changes to the agent", async () => {
    const { agent, inbox } = await relayAgent(upstreamServerId);
    await agent.callTool({ name: "announce", arguments: {} });
    await eventually(async () => {
      const methods = inbox.notifications.map((n) => n.method);
      expect(methods).toContain("notifications/resources/list_changed");
      expect(methods).toContain("notifications/prompts/list_changed");
    });
    await agent.close();
  });

  it("cancels the forwarded call upstream when the agent cancels it, and audits it as cancelled", async () => {
    const { agent, grantId } = await relayAgent(upstreamServerId);
    const before = upstream.cancelled();
    const controller = new AbortController();
    const call = agent.callTool({ name: "wait", arguments: {} }, undefined, { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 300));
    controller.abort("changed my mind");
    await expect(call).rejects.toThrow();
    await eventually(async () => expect(upstream.cancelled()).toBe(before + 1));
    const [row] = await auditRowsOf(grantId, "tools/call");
    expect(row).toMatchObject({ tool: "wait", upstreamStatus: "cancelled" });
    expect(row?.upstreamError).toContain("changed my mind");
    await agent.close();
  });

  it("relays the agent's roots changes upstream", async () => {
    const { agent } = await relayAgent(upstreamServerId);
    const before = upstream.rootsChanges();
    await agent.sendRootsListChanged();
    await eventually(async () => expect(upstream.rootsChanges()).toBe(before + 1));
    await agent.close();
  });

  it("refuses the upstream's request to the agent once the grant has expired, and audits it", async () => {
    const { db, account } = bed.harness;
    const expiresAt = new Date(Date.now() + 1500);
    const input = {
      serverId: upstreamServerId,
      name: "expiring",
      policy: '{"version":"1","default":"allow"}',
      expiresAt,
    };
    const { token, grantId } = await createGrant({ db, orgId: account.orgId, actor: account.actor, input });
    const { agent, inbox } = await connectRelayAgent(proxyUrl(bed.proxy, token));
    const delayMs = expiresAt.getTime() - Date.now() + 300;
    const result = await agent.callTool({ name: "sample-later", arguments: { delayMs } });
    expect(firstText(result)).toContain(`Gatehouse: this grant expired at ${expiresAt.toISOString()}`);
    expect(inbox.sampling).toEqual([]);
    const [row] = await auditRowsOf(grantId, "sampling/createMessage");
    expect(row).toMatchObject({ decision: "deny", rule: "(grant expired)" });
    await agent.close();
  });

  it("answers an upstream request it does not relay with -32601 naming it, and audits it", async () => {
    const { agent, grantId } = await relayAgent(upstreamServerId);
    const result = await agent.callTool({ name: "ask-tasks", arguments: {} });
    expect(firstText(result)).toMatch(/-32601.*Gatehouse does not relay "tasks\/list" to the agent/);
    const [row] = await auditRowsOf(grantId, "tasks/list");
    expect(row).toMatchObject({ decision: "deny", rule: "(method not relayed)" });
    await agent.close();
  });
});
