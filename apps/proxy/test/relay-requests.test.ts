import { EmptyResultSchema } from "@modelcontextprotocol/sdk/types.js";
import { describe, expect, it } from "vitest";
import { connectAgent, eventually, proxyUrl, useTestbed } from "./proxy-harness";

const bed = useTestbed(1);

async function agentFor(policy: unknown) {
  const { token, grantId } = await bed.harness.grant(policy);
  return { agent: await connectAgent(proxyUrl(bed.proxy, token)), grantId };
}

async function auditRowsOf(grantId: string, method: string, count = 1) {
  await bed.proxy.deps.audit.drain();
  return eventually(async () => {
    const rows = await bed.harness.db.auditEvent.findMany({ where: { grantId, method } });
    expect(rows.length).toBeGreaterThanOrEqual(count);
    return rows;
  });
}

const SECRET_DOC = "demo://resource/static/document/architecture.md";

describe("requests beyond tools, through the gateway", () => {
  it("answers a denied resource read and prompt get exactly as it answers a denied tool call", async () => {
    const reason = "Not for agents.";
    const { agent } = await agentFor({
      version: "1",
      default: "allow",
      tools: { echo: { action: "deny", reason } },
      resources: { [SECRET_DOC]: { action: "deny", reason } },
      prompts: { "simple-prompt": { action: "deny", reason } },
    });
    const tool = await agent.callTool({ name: "echo", arguments: { message: "x" } });
    const read = await agent.readResource({ uri: SECRET_DOC });
    const prompt = await agent.getPrompt({ name: "simple-prompt" });
    expect(tool).toMatchObject({
      isError: true,
      content: [{ type: "text", text: `[POLICY DENIED] ${reason}` }],
    });
    expect(read).toMatchObject({
      isError: true,
      contents: [{ uri: SECRET_DOC, text: `[POLICY DENIED] ${reason}` }],
    });
    expect(prompt).toMatchObject({
      isError: true,
      messages: [{ role: "user", content: { type: "text", text: `[POLICY DENIED] ${reason}` } }],
    });
    await agent.close();
  });

  it("governs completion like the prompt it completes", async () => {
    const { agent, grantId } = await agentFor({
      version: "1",
      default: "allow",
      prompts: { "args-prompt": { action: "deny", reason: "No args." } },
    });
    const completed = await agent.complete({
      ref: { type: "ref/prompt", name: "completable-prompt" },
      argument: { name: "department", value: "En" },
    });
    expect(completed.completion.values).toEqual(["Engineering"]);
    await expect(
      agent.complete({
        ref: { type: "ref/prompt", name: "args-prompt" },
        argument: { name: "city", value: "" },
      }),
    ).rejects.toThrow("[POLICY DENIED] No args.");
    const rows = await auditRowsOf(grantId, "completion/complete", 2);
    expect(rows.map((row) => [row.tool, row.decision]).sort()).toEqual([
      ["args-prompt", "deny"],
      ["completable-prompt", "allow"],
    ]);
    await agent.close();
  });

  it("refuses to subscribe to a resource the policy denies reading", async () => {
    const { agent, grantId } = await agentFor({
      version: "1",
      default: "allow",
      resources: { "demo://resource/static/*": { action: "deny", reason: "Static is off." } },
    });
    await expect(agent.subscribeResource({ uri: SECRET_DOC })).rejects.toThrow(
      "[POLICY DENIED] Static is off.",
    );
    const [row] = await auditRowsOf(grantId, "resources/subscribe");
    expect(row).toMatchObject({
      tool: SECRET_DOC,
      decision: "deny",
      rule: "/resources/demo:~1~1resource~1static~1*",
    });
    await agent.close();
  });

  it("filters resources/templates/list by the resources section, matching each URI template as text", async () => {
    const direct = await connectAgent(bed.harness.upstream.url);
    const all = (await direct.listResourceTemplates()).resourceTemplates.map((t) => t.uriTemplate);
    await direct.close();
    expect(all).toContain("demo://resource/dynamic/text/{resourceId}");
    const { agent, grantId } = await agentFor({
      version: "1",
      default: "allow",
      resources: { "demo://resource/dynamic/blob/*": { action: "deny" } },
    });
    const listed = (await agent.listResourceTemplates()).resourceTemplates.map((t) => t.uriTemplate);
    expect(listed).toEqual(all.filter((uri) => !uri.startsWith("demo://resource/dynamic/blob/")));
    expect(listed.length).toBeLessThan(all.length);
    const [row] = await auditRowsOf(grantId, "resources/templates/list");
    expect(row?.reason).toBe(`${listed.length} listed, ${all.length - listed.length} hidden by policy`);
    await agent.close();
  });

  it("answers a method it does not relay with -32601 naming it, and audits the refusal", async () => {
    const { agent, grantId } = await agentFor({ version: "1", default: "allow" });
    const refused = await agent
      .request({ method: "tasks/list", params: {} }, EmptyResultSchema)
      .catch((error: { code?: number; message?: string }) => error);
    expect(refused).toMatchObject({ code: -32601 });
    expect((refused as Error).message).toContain('Gatehouse does not relay "tasks/list"');
    const [row] = await auditRowsOf(grantId, "tasks/list");
    expect(row).toMatchObject({ decision: "deny", rule: "(method not relayed)" });
    expect(row?.reason).toContain('does not relay "tasks/list"');
    await agent.close();
  });
});
