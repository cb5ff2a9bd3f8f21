import { savePolicy } from "@gatehouse/core/policies/save-policy";
import { describe, expect, it } from "vitest";
import { connectAgent, firstText, proxyUrl, useTestbed } from "./proxy-harness";

const bed = useTestbed(1);

describe("tools/list", () => {
  it("lists only the tools the policy lets the agent call", async () => {
    const { token } = await bed.harness.grant({
      version: "1",
      default: "deny",
      tools: { echo: {}, "get-sum": { action: "deny", reason: "no maths" } },
    });
    const agent = await connectAgent(proxyUrl(bed.proxy, token));
    const { tools } = await agent.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(["echo"]);
    await agent.close();
  });

  it("hides only denied tools under default allow", async () => {
    const { token } = await bed.harness.grant({
      version: "1",
      default: "allow",
      tools: { echo: { action: "deny" } },
    });
    const agent = await connectAgent(proxyUrl(bed.proxy, token));
    const names = (await agent.listTools()).tools.map((tool) => tool.name);
    expect(names).toContain("get-sum");
    expect(names).not.toContain("echo");
    await agent.close();
  });
});

describe("tools/call", () => {
  it("forwards an allowed call and returns the upstream's result unchanged", async () => {
    const { token } = await bed.harness.grant({ version: "1", default: "deny", tools: { "get-sum": {} } });
    const agent = await connectAgent(proxyUrl(bed.proxy, token));
    const direct = await connectAgent(bed.harness.upstream.url);
    const viaProxy = await agent.callTool({ name: "get-sum", arguments: { a: 2, b: 40 } });
    const straight = await direct.callTool({ name: "get-sum", arguments: { a: 2, b: 40 } });
    expect(viaProxy).toEqual(straight);
    expect(firstText(viaProxy)).toContain("42");
    await Promise.all([agent.close(), direct.close()]);
  });

  it("denies a tool the policy denies, with its reason, without calling the upstream", async () => {
    const { token } = await bed.harness.grant({
      version: "1",
      default: "allow",
      tools: { echo: { action: "deny", reason: "Echo is switched off for this agent." } },
    });
    const agent = await connectAgent(proxyUrl(bed.proxy, token));
    const result = await agent.callTool({ name: "echo", arguments: { message: "hi" } });
    expect(result.isError).toBe(true);
    expect(firstText(result)).toBe("[POLICY DENIED] Echo is switched off for this agent.");
    await agent.close();
  });

  it("denies a tool not listed under default deny", async () => {
    const { token } = await bed.harness.grant({ version: "1", default: "deny", tools: {} });
    const agent = await connectAgent(proxyUrl(bed.proxy, token));
    const result = await agent.callTool({ name: "echo", arguments: { message: "hi" } });
    expect(result.isError).toBe(true);
    expect(firstText(result)).toMatch(/^\[POLICY DENIED\] .*default: deny/);
    await agent.close();
  });

  it("relays an upstream error for an allowed call", async () => {
    const { token } = await bed.harness.grant({ version: "1", default: "allow" });
    const agent = await connectAgent(proxyUrl(bed.proxy, token));
    const result = await agent
      .callTool({ name: "no-such-tool", arguments: {} })
      .catch((error: Error) => error);
    const direct = await connectAgent(bed.harness.upstream.url);
    const straight = await direct
      .callTool({ name: "no-such-tool", arguments: {} })
      .catch((error: Error) => error);
    expect(result).toEqual(straight);
    await Promise.all([agent.close(), direct.close()]);
  });
});

describe("policy edits", () => {
  it("apply on the next call of an open session", async () => {
    const { token, policyId } = await bed.harness.grant({
      version: "1",
      default: "deny",
      tools: { echo: {} },
    });
    const agent = await connectAgent(proxyUrl(bed.proxy, token));
    expect((await agent.callTool({ name: "echo", arguments: { message: "a" } })).isError).toBeFalsy();

    await savePolicy({
      db: bed.harness.db,
      notify: bed.harness.notify,
      orgId: bed.harness.account.orgId,
      actor: { type: "system" },
      policyId,
      document: JSON.stringify({
        version: "1",
        default: "deny",
        tools: { echo: { action: "deny", reason: "now off" } },
      }),
    });
    const after = await agent.callTool({ name: "echo", arguments: { message: "b" } });
    expect(firstText(after)).toBe("[POLICY DENIED] now off");
    await agent.close();
  });
});
