import type { RunningServer } from "@gatehouse/testing/start-everything-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatComparison, judgeGateway } from "./compat/compare-conformance";
import { KNOWN_GATEWAY_FAILURES } from "./compat/known-gateway-failures";
import { conformanceVersion, runConformance } from "./compat/run-conformance";
import { startConformanceServer } from "./compat/start-conformance-server";
import { proxyUrl, useTestbed } from "./proxy-harness";

// `npm run conformance -- --strict` sets this to hold Gatehouse to "adds no failure at all".
const known = process.env.GATEHOUSE_CONFORMANCE_STRICT === "true" ? {} : KNOWN_GATEWAY_FAILURES;
const SUITE_TIMEOUT_MS = 240_000;

const bed = useTestbed(1);
let target: RunningServer;

beforeAll(async () => {
  target = await startConformanceServer();
});

afterAll(async () => {
  await target?.stop();
});

describe("the official MCP conformance suite", () => {
  it("fails no scenario through Gatehouse that the server passes alone, beyond the known gaps", {
    timeout: SUITE_TIMEOUT_MS,
  }, async () => {
    const serverId = await bed.harness.registerServer(target.url);
    const { token } = await bed.harness.grant({ version: "1", default: "allow" }, "conformance", serverId);

    const direct = await runConformance(target.url);
    const gateway = await runConformance(proxyUrl(bed.proxy, token));

    const date = new Date().toISOString().slice(0, 10);
    console.log(
      `\n@modelcontextprotocol/conformance ${conformanceVersion()}, all server scenarios, ${date}\n\n${formatComparison(direct, gateway, known)}\n`,
    );
    expect(direct.size, "the suite ran no scenario against the server").toBeGreaterThan(0);
    expect(judgeGateway(direct, gateway, known)).toEqual({ unexpected: [], stale: [] });
  });
});
