import { scrapeMetrics, sumSamples } from "@gatehouse/testing/scrape-metrics";
import { startRedisServer } from "@gatehouse/testing/start-redis-server";
import { describe, expect, it } from "vitest";
import { connectAgent, eventually, proxyUrl, startProxy, useTestbed } from "./proxy-harness";

const METRICS_TOKEN = "metrics-token-for-tests-0123456789";
const bed = useTestbed(2, [{}, { GATEHOUSE_METRICS_TOKEN: METRICS_TOKEN }]);

async function getJson(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("health and readiness", () => {
  it("answers /healthz and, with Postgres and Redis up, /readyz", async () => {
    expect(await getJson(`${bed.proxy.baseUrl}/healthz`)).toEqual({ status: 200, body: { status: "ok" } });
    expect(await getJson(`${bed.proxy.baseUrl}/readyz`)).toEqual({
      status: 200,
      body: { status: "ready", checks: { postgres: "ok", redis: "ok", audit_spool: "ok" } },
    });
  });

  it("turns /readyz to 503 naming Redis while Redis is down, and back once it returns", async () => {
    const redis = await startRedisServer();
    const proxy = await startProxy({ REDIS_URL: redis.url });
    try {
      await redis.crash();
      const down = await getJson(`${proxy.baseUrl}/readyz`);
      expect(down.status).toBe(503);
      expect(down.body.status).toBe("not_ready");
      expect(down.body.checks).toMatchObject({ postgres: "ok", audit_spool: "ok" });
      expect((down.body.checks as Record<string, string>).redis).not.toBe("ok");
      expect((await getJson(`${proxy.baseUrl}/healthz`)).status).toBe(200);
      await redis.restart();
      await eventually(async () => expect((await getJson(`${proxy.baseUrl}/readyz`)).status).toBe(200));
    } finally {
      await proxy.close();
      await redis.stop();
    }
  });
});

describe("/metrics", () => {
  it("counts calls by method and decision, refusals by rule, and tool-call latencies", async () => {
    const metricsUrl = `${bed.proxy.baseUrl}/metrics`;
    const before = await scrapeMetrics(metricsUrl);
    const { token } = await bed.harness.grant({
      version: "1",
      default: "allow",
      tools: { echo: { action: "deny", reason: "Echo is off." } },
    });
    const agent = await connectAgent(proxyUrl(bed.proxy, token));
    for (const a of [1, 2, 3]) await agent.callTool({ name: "get-sum", arguments: { a, b: 1 } });
    await agent.callTool({ name: "echo", arguments: { message: "hi" } });
    await agent.close();

    const after = await scrapeMetrics(metricsUrl);
    const moved = (name: string, labels: Record<string, string> = {}) =>
      sumSamples(after, name, labels) - sumSamples(before, name, labels);
    expect(moved("gatehouse_proxy_requests_total", { method: "tools/call", decision: "allow" })).toBe(3);
    expect(moved("gatehouse_proxy_requests_total", { method: "tools/call", decision: "deny" })).toBe(1);
    expect(moved("gatehouse_proxy_refusals_total")).toBe(1);
    expect(
      after.some((s) => s.name === "gatehouse_proxy_refusals_total" && s.labels.rule?.includes("echo")),
    ).toBe(true);
    const allowed = { decision: "allow" };
    expect(moved("gatehouse_proxy_tool_call_duration_seconds_count", allowed)).toBe(3);
    expect(moved("gatehouse_proxy_tool_call_duration_seconds_bucket", { ...allowed, le: "+Inf" })).toBe(3);
    expect(moved("gatehouse_proxy_tool_call_duration_seconds_bucket", { ...allowed, le: "30" })).toBe(3);
    expect(moved("gatehouse_proxy_upstream_duration_seconds_count")).toBe(3);
    expect(sumSamples(after, "gatehouse_proxy_sessions_open")).toBeGreaterThanOrEqual(0);
    expect(after.some((s) => s.name === "gatehouse_proxy_audit_spool_bytes")).toBe(true);
  });

  it("requires GATEHOUSE_METRICS_TOKEN as a bearer token when it is set", async () => {
    const metricsUrl = `${bed.proxyAt(1).baseUrl}/metrics`;
    expect((await fetch(metricsUrl)).status).toBe(401);
    expect((await fetch(metricsUrl, { headers: { authorization: "Bearer wrong-token" } })).status).toBe(401);
    const samples = await scrapeMetrics(metricsUrl, { authorization: `Bearer ${METRICS_TOKEN}` });
    expect(samples.some((s) => s.name === "gatehouse_proxy_sessions_open")).toBe(true);
  });
});
