import { startTestUpstream } from "@gatehouse/testing/start-test-upstream";
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
    const agent = await connectAgent(proxyUrl(bed.proxy, token));
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
    const agent = await connectAgent(proxyUrl(bed.proxy, token));
    for (let i = 0; i < 2; i++) {
      expect((await agent.callTool({ name: "echo", arguments: { message: `${i}` } })).isError).toBeFalsy();
    }
    const refused = await agent.callTool({ name: "echo", arguments: { message: "3" } });
    expect(refused.isError).toBe(true);
    expect(firstText(refused)).toMatch(
      /^\[POLICY DENIED\] Rate limit "echo_rate" reached: at most 2 call\(s\) per hour \(scope: grant\)\. It resets at \d{4}-\d\d-\d\dT\d\d:00:00\.000Z; retry after \d+ s\.$/,
    );
    const retryAfter = (refused._meta as Record<string, unknown> | undefined)?.[
      "gatehouse/retryAfterSeconds"
    ];
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    await agent.close();
  });

  it("shares one count between two proxy processes", async () => {
    const { token } = await bed.harness.grant({
      version: "1",
      default: "deny",
      tools: { echo: { limits: [{ counter: "shared", window: "day", max: 3 }] } },
    });
    const [viaA, viaB] = await Promise.all([
      connectAgent(proxyUrl(bed.proxy, token)),
      connectAgent(proxyUrl(bed.proxyAt(1), token)),
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
    const agents = await Promise.all([0, 1, 0, 1].map((i) => connectAgent(proxyUrl(bed.proxyAt(i), token))));
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
    const agent = await connectAgent(proxyUrl(bed.proxy, token));
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
    const first = await connectAgent(proxyUrl(bed.proxy, token));
    const second = await connectAgent(proxyUrl(bed.proxy, token));
    expect((await first.callTool({ name: "echo", arguments: { message: "x" } })).isError).toBeFalsy();
    expect((await first.callTool({ name: "echo", arguments: { message: "x" } })).isError).toBe(true);
    expect((await second.callTool({ name: "echo", arguments: { message: "x" } })).isError).toBeFalsy();
    await Promise.all([first.close(), second.close()]);
  });
});

describe("exact counting", () => {
  it("lets exactly 30 of 200 concurrent calls from two proxy processes through", async () => {
    const { token } = await bed.harness.grant({
      version: "1",
      default: "deny",
      tools: { echo: { limits: [{ counter: "exact", window: "day", max: 30 }] } },
    });
    const agents = await Promise.all(
      Array.from({ length: 10 }, (_, i) => connectAgent(proxyUrl(bed.proxyAt(i % 2), token))),
    );
    const results = await Promise.all(
      agents.flatMap((agent) =>
        Array.from({ length: 20 }, () => agent.callTool({ name: "echo", arguments: { message: "x" } })),
      ),
    );
    expect(results).toHaveLength(200);
    expect(results.filter((result) => !result.isError)).toHaveLength(30);
    await Promise.all(agents.map((agent) => agent.close()));
  });

  it("gives the quota back when the upstream call fails", async () => {
    const upstream = await startTestUpstream();
    try {
      const serverId = await bed.harness.registerServer(upstream.url);
      const { token } = await bed.harness.grant(
        {
          version: "1",
          default: "allow",
          all_tools: { limits: [{ counter: "one", window: "day", max: 1 }] },
        },
        "agent",
        serverId,
      );
      const agent = await connectAgent(proxyUrl(bed.proxy, token));
      await expect(agent.callTool({ name: "fail", arguments: {} })).rejects.toThrow("upstream broke");
      expect((await agent.callTool({ name: "echo", arguments: { message: "x" } })).isError).toBeFalsy();
      const third = await agent.callTool({ name: "echo", arguments: { message: "y" } });
      expect(firstText(third)).toContain('Rate limit "one" reached');
      expect(upstream.calls()).toBe(2);
      await agent.close();
    } finally {
      await upstream.stop();
    }
  });

  it("counts a numeric argument with increment_from, and refuses a call without it", async () => {
    const { token } = await bed.harness.grant({
      version: "1",
      default: "deny",
      tools: {
        "get-sum": { limits: [{ counter: "spend", window: "day", max: 10, increment_from: "args.a" }] },
      },
    });
    const agent = await connectAgent(proxyUrl(bed.proxy, token));
    const sum = (a: unknown) => agent.callTool({ name: "get-sum", arguments: { a, b: 0 } });
    expect((await sum(6)).isError).toBeFalsy();
    expect(firstText(await sum(5))).toContain('Rate limit "spend" reached: at most 10 unit(s)');
    expect((await sum(4)).isError).toBeFalsy();
    expect(firstText(await sum("lots"))).toMatch(/^\[POLICY DENIED\] .*args\.a/);
    await agent.close();
  });

  it("shares a server-scoped counter between grants, but not a grant-scoped one", async () => {
    const serverLimit = { counter: "srv", window: "day", max: 1, scope: "server" };
    const [first, second] = await Promise.all([
      bed.harness.grant({ version: "1", default: "deny", tools: { echo: { limits: [serverLimit] } } }),
      bed.harness.grant({ version: "1", default: "deny", tools: { echo: { limits: [serverLimit] } } }),
    ]);
    const a = await connectAgent(proxyUrl(bed.proxy, first.token));
    const b = await connectAgent(proxyUrl(bed.proxy, second.token));
    expect((await a.callTool({ name: "echo", arguments: { message: "x" } })).isError).toBeFalsy();
    expect(firstText(await b.callTool({ name: "echo", arguments: { message: "x" } }))).toContain(
      '"srv" reached',
    );
    await Promise.all([a.close(), b.close()]);
  });

  it("shares an org-scoped counter across servers", async () => {
    const upstream = await startTestUpstream();
    try {
      const otherServerId = await bed.harness.registerServer(upstream.url);
      const orgLimit = { counter: "org_echo", window: "day", max: 1, scope: "org" };
      const policy = { version: "1", default: "deny", tools: { echo: { limits: [orgLimit] } } };
      const first = await bed.harness.grant(policy);
      const second = await bed.harness.grant(policy, "agent", otherServerId);
      const a = await connectAgent(proxyUrl(bed.proxy, first.token));
      const b = await connectAgent(proxyUrl(bed.proxy, second.token));
      expect((await a.callTool({ name: "echo", arguments: { message: "x" } })).isError).toBeFalsy();
      expect(firstText(await b.callTool({ name: "echo", arguments: { message: "x" } }))).toContain(
        '"org_echo" reached',
      );
      await Promise.all([a.close(), b.close()]);
    } finally {
      await upstream.stop();
    }
  });

  it("opens a new budget when a one-second window rolls over", async () => {
    const { token } = await bed.harness.grant({
      version: "1",
      default: "deny",
      tools: { echo: { rate_limit: { max: 1, window: "second" } } },
    });
    const agent = await connectAgent(proxyUrl(bed.proxy, token));
    let refused: Awaited<ReturnType<typeof agent.callTool>> | undefined;
    for (let i = 0; i < 5 && !refused; i++) {
      const result = await agent.callTool({ name: "echo", arguments: { message: "x" } });
      if (result.isError) refused = result;
    }
    expect(firstText(refused)).toContain("per second");
    const resetAt = Date.parse(/resets at (\S+);/.exec(firstText(refused))?.[1] ?? "");
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, resetAt - Date.now()) + 20));
    expect((await agent.callTool({ name: "echo", arguments: { message: "x" } })).isError).toBeFalsy();
    await agent.close();
  });
});
