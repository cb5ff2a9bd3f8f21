import { describe, expect, it } from "vitest";
import { connectAgent, eventually, firstText, proxyUrl, useTestbed } from "./proxy-harness";
import { AGENT_ROOT, connectRelayAgent } from "./relay-agent";

const bed = useTestbed(1);

async function relayAgent() {
  const { token, grantId } = await bed.harness.grant({ version: "1", default: "allow" });
  return { ...(await connectRelayAgent(proxyUrl(bed.proxy, token))), grantId };
}

async function auditRowsOf(grantId: string, method: string, count = 1) {
  await bed.proxy.deps.audit.drain();
  return eventually(async () => {
    const rows = await bed.harness.db.auditEvent.findMany({ where: { grantId, method } });
    expect(rows.length).toBeGreaterThanOrEqual(count);
    return rows;
  });
}

describe("requests from the upstream to the agent", () => {
  it("relays sampling to the agent and its answer back, and audits it", async () => {
    const { agent, inbox, grantId } = await relayAgent();
    const result = await agent.callTool({
      name: "trigger-sampling-request",
      arguments: { prompt: "a haiku", maxTokens: 20 },
    });
    expect(firstText(result)).toContain("sampled by the agent");
    expect(inbox.sampling).toHaveLength(1);
    expect(JSON.stringify(inbox.sampling[0]?.params.messages)).toContain("a haiku");
    const [row] = await auditRowsOf(grantId, "sampling/createMessage");
    expect(row).toMatchObject({ decision: "allow", rule: "(relayed to agent)", upstreamStatus: "ok" });
    expect(row?.clientName).toBe("relay-agent");
    await agent.close();
  });

  it("relays an elicitation to the agent and the person's answer back", async () => {
    const { agent, inbox, grantId } = await relayAgent();
    const result = await agent.callTool({ name: "trigger-elicitation-request", arguments: {} });
    const text = (result.content as { text?: string }[]).map((block) => block.text).join("\n");
    expect(text).toContain("- Name: Ada Lovelace");
    expect(inbox.elicitations[0]?.params.message).toMatch(/provide inputs/);
    await auditRowsOf(grantId, "elicitation/create");
    await agent.close();
  });

  it("answers the upstream's roots/list with the agent's roots", async () => {
    const { agent, inbox, grantId } = await relayAgent();
    const result = await agent.callTool({ name: "get-roots-list", arguments: {} });
    expect(firstText(result)).toContain(AGENT_ROOT.uri);
    expect(inbox.rootsRequests).toBeGreaterThanOrEqual(1);
    const rows = await auditRowsOf(grantId, "roots/list");
    expect(rows.every((row) => row.decision === "allow" && row.upstreamStatus === "ok")).toBe(true);
    await agent.close();
  });

  it("declares upstream only what the agent declared", async () => {
    const { token } = await bed.harness.grant({ version: "1", default: "allow" });
    const plain = await connectAgent(proxyUrl(bed.proxy, token));
    const names = (await plain.listTools()).tools.map((tool) => tool.name);
    // server-everything offers these tools only to clients that declared sampling, elicitation or roots.
    expect(names).not.toContain("trigger-sampling-request");
    expect(names).not.toContain("trigger-elicitation-request");
    expect(names).not.toContain("get-roots-list");
    await plain.close();
  });
});
