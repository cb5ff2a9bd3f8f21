import { freePort } from "@gatehouse/testing/free-port";
import { scrapeMetrics } from "@gatehouse/testing/scrape-metrics";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, startStack } from "../src/start-stack";

let stack: Stack;
let workerUrl: string;

beforeAll(async () => {
  const workerPort = await freePort();
  workerUrl = `http://127.0.0.1:${workerPort}`;
  stack = await startStack({ env: { WORKER_HEALTH_PORT: String(workerPort) } });
});

afterAll(async () => {
  await stack?.stop();
});

async function getJson(url: string) {
  const response = await fetch(url);
  return { status: response.status, body: await response.json() };
}

describe("operator endpoints of the built apps", () => {
  it("the dashboard's /api/health reports Postgres, without signing in", async () => {
    expect(await getJson(`${stack.webUrl}/api/health`)).toEqual({
      status: 200,
      body: { status: "ready", checks: { postgres: "ok" } },
    });
  });

  it("the proxy answers /healthz, /readyz and /metrics", async () => {
    expect(await getJson(`${stack.proxyUrl}/healthz`)).toEqual({ status: 200, body: { status: "ok" } });
    expect(await getJson(`${stack.proxyUrl}/readyz`)).toMatchObject({
      status: 200,
      body: { status: "ready" },
    });
    const samples = await scrapeMetrics(`${stack.proxyUrl}/metrics`);
    expect(samples.some((s) => s.name === "gatehouse_proxy_sessions_open")).toBe(true);
  });

  it("the worker serves /healthz, /readyz and /metrics on WORKER_HEALTH_PORT", async () => {
    // The worker may still be connecting when the web and proxy are up.
    await expect.poll(async () => (await getJson(`${workerUrl}/readyz`).catch(() => null))?.status).toBe(200);
    expect(await getJson(`${workerUrl}/healthz`)).toEqual({ status: 200, body: { status: "ok" } });
    const samples = await scrapeMetrics(`${workerUrl}/metrics`);
    expect(
      samples.some((s) => s.name === "gatehouse_worker_queue_jobs" && s.labels.state === "waiting"),
    ).toBe(true);
  });
});
