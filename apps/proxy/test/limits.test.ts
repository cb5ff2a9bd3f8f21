import { describe, expect, it } from "vitest";
import { connectAgent, firstText, proxyUrl, useTestbed } from "./proxy-harness";

const bed = useTestbed(2);

describe("rate limits", () => {
  it("accepts the seed policy exactly as written and enforces its limit", async () => {
    const { token } = await bed.harness.grant({
      version: "1",
      default: "deny",
      tools: {
        echo: { limits: [{ counter: "copy_model_version_rate", window: "minute", max: 30, scope: "grant" }] },
      },
    });
    const agent = await connectAgent(proxyUrl(bed.proxies[0]!, token));
    const result = await agent.callTool({ name: "echo", arguments: { message: "hi" } });
    expect(result.isError).toBeFalsy();
    await agent.close();
  });

  it("denies the call over the limit, naming the counter and when it resets", async () => {
    const { token } = await bed.harness.grant({
      version: "1",
      default: "deny",
      tools: { echo: { limits: [{ counter: "echo_rate", window: "hour", max: 2, scope: "grant" }] } },
    });
    const agent = await connectAgent(proxyUrl(bed.proxies[0]!, token));
    for (let i = 0; i < 2; i++) {
      expect((await agent.callTool({ name: "echo", arguments: { message: `${i}` } })).isError).toBeFalsy();
    }
    const refused = await agent.callTool({ name: "echo", arguments: { message: "3" } });
    expect(refused.isError).toBe(true);
    expect(firstText(refused)).toMatch(
      /^\[POLICY DENIED\] Rate limit "echo_rate" reached: at most 2 call\(s\) per hour \(scope: grant\)\. It resets at \d{4}-\d\d-\d\dT\d\d:00:00\.000Z/,
    );
    await agent.close();
  });

  it("shares one count between two proxy processes", async () => {
    const { token } = await bed.harness.grant({
      version: "1",
      default: "deny",
      tools: { echo: { limits: [{ counter: "shared", window: "day", max: 3 }] } },
    });
    const [viaA, viaB] = await Promise.all([
      connectAgent(proxyUrl(bed.proxies[0]!, token)),
      connectAgent(proxyUrl(bed.proxies[1]!, token)),
    ]);
    const outcomes: boolean[] = [];
    for (const agent of [viaA, viaB, viaA, viaB, viaA]) {
      const result = await agent.callTool({ name: "echo", arguments: { message: "x" } });
      outcomes.push(result.isError === true);
    }
    expect(outcomes).toEqual([false, false, false, true, true]);
    await Promise.all([viaA.close(), viaB.close()]);
  });

  it("counts concurrent calls atomically", async () => {
    const { token } = await bed.harness.grant({
      version: "1",
      default: "deny",
      tools: { echo: { limits: [{ counter: "burst", window: "day", max: 5 }] } },
    });
    const agents = await Promise.all([0, 1, 0, 1].map((i) => connectAgent(proxyUrl(bed.proxies[i]!, token))));
    const calls = agents.flatMap((agent) =>
      Array.from({ length: 4 }, () => agent.callTool({ name: "echo", arguments: { message: "x" } })),
    );
    const results = await Promise.all(calls);
    expect(results.filter((result) => !result.isError)).toHaveLength(5);
    await Promise.all(agents.map((agent) => agent.close()));
  });

  it("treats the same counter in the same scope as one budget across tools", async () => {
    const limits = [{ counter: "any_call", window: "day", max: 2, scope: "grant" }];
    const { token } = await bed.harness.grant({
      version: "1",
      default: "deny",
      tools: { echo: { limits }, "get-sum": { limits } },
    });
    const agent = await connectAgent(proxyUrl(bed.proxies[0]!, token));
    await agent.callTool({ name: "echo", arguments: { message: "x" } });
    await agent.callTool({ name: "get-sum", arguments: { a: 1, b: 1 } });
    const third = await agent.callTool({ name: "echo", arguments: { message: "x" } });
    expect(firstText(third)).toContain('Rate limit "any_call" reached');
    await agent.close();
  });

  it("counts a session-scoped limit per MCP session", async () => {
    const { token } = await bed.harness.grant({
      version: "1",
      default: "deny",
      tools: { echo: { limits: [{ counter: "per_session", window: "day", max: 1, scope: "session" }] } },
    });
    const first = await connectAgent(proxyUrl(bed.proxies[0]!, token));
    const second = await connectAgent(proxyUrl(bed.proxies[0]!, token));
    expect((await first.callTool({ name: "echo", arguments: { message: "x" } })).isError).toBeFalsy();
    expect((await first.callTool({ name: "echo", arguments: { message: "x" } })).isError).toBe(true);
    expect((await second.callTool({ name: "echo", arguments: { message: "x" } })).isError).toBeFalsy();
    await Promise.all([first.close(), second.close()]);
  });
});
