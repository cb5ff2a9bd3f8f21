import { describe, expect, it } from "vitest";
import { connectAgent, eventually, firstText, proxyUrl, useTestbed } from "./proxy-harness";

const bed = useTestbed(1);

async function agentFor(policy: unknown) {
  const { token, grantId } = await bed.harness.grant(policy);
  return { agent: await connectAgent(proxyUrl(bed.proxy, token)), grantId };
}

async function auditRows(grantId: string, count: number) {
  await bed.proxy.deps.audit.drain();
  return eventually(async () => {
    const rows = await bed.harness.db.auditEvent.findMany({
      where: { grantId },
      orderBy: { occurredAt: "asc" },
    });
    expect(rows.length).toBeGreaterThanOrEqual(count);
    return rows;
  });
}

describe("the policy language through the proxy", () => {
  it("hides tools matched by `hide` from tools/list and denies them, whatever the entries say", async () => {
    const { agent } = await agentFor({
      version: "1",
      default: "allow",
      hide: ["get-*"],
      tools: { "get-sum": {} },
    });
    const names = (await agent.listTools()).tools.map((tool) => tool.name);
    expect(names).toContain("echo");
    expect(names.filter((name) => name.startsWith("get-"))).toEqual([]);
    const result = await agent.callTool({ name: "get-sum", arguments: { a: 1, b: 2 } });
    expect(firstText(result)).toBe('[POLICY DENIED] Tool "get-sum" is hidden by this grant\'s policy.');
    await agent.close();
  });

  it("lets an exact entry beat a glob", async () => {
    const { agent } = await agentFor({
      version: "1",
      default: "deny",
      tools: { "get-*": { action: "deny", reason: "getters off" }, "get-sum": {} },
    });
    expect((await agent.callTool({ name: "get-sum", arguments: { a: 1, b: 2 } })).isError).toBeFalsy();
    expect(firstText(await agent.callTool({ name: "get-tiny-image", arguments: {} }))).toBe(
      "[POLICY DENIED] getters off",
    );
    await agent.close();
  });

  it("denies with deny_if when the arguments match, and allows otherwise", async () => {
    const { agent, grantId } = await agentFor({
      version: "1",
      default: "deny",
      tools: {
        echo: {
          deny_if: [
            {
              conditions: [{ path: "args.message", op: "regex", value: "^prod-" }],
              on_deny: "No prod messages.",
            },
          ],
        },
      },
    });
    expect(firstText(await agent.callTool({ name: "echo", arguments: { message: "prod-1" } }))).toBe(
      "[POLICY DENIED] No prod messages.",
    );
    expect((await agent.callTool({ name: "echo", arguments: { message: "dev-1" } })).isError).toBeFalsy();
    const rows = await auditRows(grantId, 3);
    expect(rows.find((row) => row.decision === "deny")?.rule).toBe("/tools/echo/deny_if/0");
    await agent.close();
  });

  it("holds require_approval calls under the entry's approval settings over the policy's, and audits it", async () => {
    const { agent, grantId } = await agentFor({
      version: "1",
      default: "deny",
      approval: { timeout: "1h" },
      tools: {
        echo: { action: "require_approval", reason: "A person checks echoes.", approval: { timeout: 1 } },
      },
    });
    const result = await agent.callTool({ name: "echo", arguments: { message: "x" } });
    expect(firstText(result)).toBe("[POLICY DENIED] Approval timed out after 1s");
    const rows = await auditRows(grantId, 2);
    expect(rows.at(-1)).toMatchObject({
      decision: "require_approval",
      rule: "/tools/echo",
      isShadow: false,
      approvalStatus: "expired",
    });
    await agent.close();
  });

  it("lets calls through in shadow mode and logs what it would have decided", async () => {
    const { agent, grantId } = await agentFor({ version: "1", default: "deny", mode: "shadow", tools: {} });
    const result = await agent.callTool({ name: "echo", arguments: { message: "shadowed" } });
    expect(result.isError).toBeFalsy();
    expect(firstText(result)).toContain("shadowed");
    const rows = await auditRows(grantId, 2);
    expect(rows.at(-1)).toMatchObject({
      decision: "deny",
      isShadow: true,
      rule: "(default deny)",
      upstreamStatus: "ok",
    });
    await agent.close();
  });

  it("applies a category entry to tools the catalogue classified", async () => {
    await bed.harness.db.tool.updateMany({
      where: { serverId: bed.harness.serverId, name: "get-tiny-image" },
      data: { category: "destructive" },
    });
    const { agent } = await agentFor({
      version: "1",
      default: "allow",
      categories: { destructive: { action: "deny", reason: "Destructive tools are off." } },
    });
    expect((await agent.listTools()).tools.map((tool) => tool.name)).not.toContain("get-tiny-image");
    expect(firstText(await agent.callTool({ name: "get-tiny-image", arguments: {} }))).toBe(
      "[POLICY DENIED] Destructive tools are off.",
    );
    expect((await agent.callTool({ name: "echo", arguments: { message: "x" } })).isError).toBeFalsy();
    await agent.close();
  });

  it("records the policy version and the rule's JSON Pointer in the audit log", async () => {
    const { agent, grantId } = await agentFor({
      version: "1",
      default: "deny",
      tools: { echo: { limits: [{ counter: "c", window: "day", max: 1 }] } },
    });
    await agent.callTool({ name: "echo", arguments: { message: "1" } });
    await agent.callTool({ name: "echo", arguments: { message: "2" } });
    const rows = await auditRows(grantId, 3);
    const calls = rows.filter((row) => row.method === "tools/call");
    expect(calls.map((row) => [row.decision, row.rule, row.policyVersion])).toEqual([
      ["allow", "/tools/echo", 1],
      ["deny", "/tools/echo/limits/0", 1],
    ]);
    expect(calls[0]?.policyId).toBeTruthy();
    await agent.close();
  });
});

describe("resources and prompts", () => {
  it("governs resources/read by URI glob and filters resources/list", async () => {
    const direct = await connectAgent(bed.harness.upstream.url);
    const resources = (await direct.listResources()).resources;
    await direct.close();
    const [open, secret] = resources;
    expect(open && secret).toBeTruthy();
    const { agent } = await agentFor({
      version: "1",
      default: "deny",
      resources: { [open?.uri ?? ""]: {}, "*": { action: "deny", reason: "Only one document." } },
    });
    const listed = (await agent.listResources()).resources.map((resource) => resource.uri);
    expect(listed).toEqual([open?.uri]);
    const read = await agent.readResource({ uri: open?.uri ?? "" });
    expect(read.contents.length).toBeGreaterThan(0);
    expect(await agent.readResource({ uri: secret?.uri ?? "" })).toMatchObject({
      isError: true,
      contents: [{ text: "[POLICY DENIED] Only one document." }],
    });
    await agent.close();
  });

  it("governs prompts/get by name under the same default", async () => {
    const direct = await connectAgent(bed.harness.upstream.url);
    const prompts = (await direct.listPrompts()).prompts;
    await direct.close();
    const simple = prompts.find((prompt) => !prompt.arguments?.some((argument) => argument.required));
    expect(simple).toBeTruthy();
    const { agent } = await agentFor({
      version: "1",
      default: "deny",
      prompts: { [simple?.name ?? ""]: {} },
    });
    expect((await agent.listPrompts()).prompts.map((prompt) => prompt.name)).toEqual([simple?.name]);
    expect((await agent.getPrompt({ name: simple?.name ?? "" })).messages.length).toBeGreaterThan(0);
    const other = prompts.find((prompt) => prompt.name !== simple?.name);
    const refused = await agent.getPrompt({ name: other?.name ?? "", arguments: {} });
    expect(refused).toMatchObject({
      isError: true,
      messages: [{ content: { text: expect.stringMatching(/^\[POLICY DENIED\]/) } }],
    });
    await agent.close();
  });
});
