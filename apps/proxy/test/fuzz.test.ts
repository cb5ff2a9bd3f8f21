import { startTestUpstream, type TestUpstream } from "@gatehouse/testing/start-test-upstream";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FUZZ_LIMITS, type FuzzCase, fuzzCase, markerOf } from "./fuzz-messages";
import { connectAgent, eventually, firstText, proxyUrl, useTestbed } from "./proxy-harness";
import { expectJsonRpcError, openRawSession, postRaw, type RawAnswer } from "./raw-mcp";
import { type RecordingFront, startRecordingFront } from "./recording-front";

const bed = useTestbed(1, [
  {
    GATEHOUSE_MAX_JSON_DEPTH: String(FUZZ_LIMITS.maxDepth),
    GATEHOUSE_MAX_STRING_CHARS: String(FUZZ_LIMITS.maxStringChars),
  },
]);

// The audit rules of requests refused at the HTTP layer, before a session handler ran.
const REFUSAL_RULES = [
  "(parse error)",
  "(invalid JSON-RPC)",
  "(invalid params)",
  "(unsupported protocol version)",
  "(batch not supported)",
  "(empty batch)",
  "(batch too large)",
  "(invalid batch member)",
  "(already initialized)",
];
const REFUSAL_CODES = [-32700, -32600, -32602];

let upstream: TestUpstream;
let front: RecordingFront;
let url: string;
let token: string;
let grantId: string;
beforeAll(async () => {
  upstream = await startTestUpstream();
  front = await startRecordingFront(upstream.url);
  const serverId = await bed.harness.registerServer(front.url);
  ({ token, grantId } = await bed.harness.grant({ version: "1", default: "allow" }, "fuzz", serverId));
  url = proxyUrl(bed.proxy, token);
});
afterAll(async () => {
  await front.stop();
  await upstream.stop();
});

/** Asserts an answer is what its case may get, and returns whether it was a refusal. */
function checkAnswer(fuzz: FuzzCase, body: string, answer: RawAnswer): boolean {
  const exchange = `${body.slice(0, 500)} → ${answer.status} ${answer.text.slice(0, 500)}`;
  expect(answer.status, exchange).toBeLessThan(500);
  const isRefused = answer.status >= 400;
  if (fuzz.verdict === "invalid") expect(isRefused, exchange).toBe(true);
  if (fuzz.verdict === "valid") expect(answer.status, exchange).toBe(200);
  if (isRefused) {
    expect(answer.messages.length).toBeGreaterThan(0);
    for (const message of answer.messages) {
      expect(REFUSAL_CODES).toContain(expectJsonRpcError(message).error.code);
    }
  } else if (answer.status === 202) {
    expect(answer.text).toBe("");
  } else {
    for (const message of answer.messages) {
      expect(message).toMatchObject({ jsonrpc: "2.0", id: expect.anything() });
      expect("result" in (message as object) || "error" in (message as object)).toBe(true);
    }
  }
  return isRefused;
}

describe("fuzzing the proxy with malformed and adversarial messages", () => {
  it("answers everything well-formed, forwards nothing it refused, audits every refusal and stays up", async () => {
    const sessions = {
      modern: await openRawSession(url, "2025-06-18"),
      legacy: await openRawSession(url, "2025-03-26"),
    };
    const refusedMarkers: string[] = [];
    let next = 1;
    await fc.assert(
      fc.asyncProperty(fuzzCase, async (fuzz) => {
        const n = next++;
        const headers = { ...(fuzz.isLegacy ? sessions.legacy : sessions.modern) };
        if (fuzz.protocolVersion) headers["mcp-protocol-version"] = fuzz.protocolVersion;
        const body = fuzz.build(n);
        const answer = await postRaw(url, body, headers);
        if (checkAnswer(fuzz, body, answer)) refusedMarkers.push(markerOf(n));
      }),
      { numRuns: 300 },
    );

    const health = await fetch(`${bed.proxy.baseUrl}/healthz`);
    expect(health.status).toBe(200);
    const agent = await connectAgent(url);
    const echoed = await agent.callTool({ name: "echo", arguments: { message: "still here" } });
    expect(firstText(echoed)).toBe("still here");
    await agent.close();

    const received = front.bodies().join("\n");
    expect(received).toContain("fuzz-marker-");
    const leaked = refusedMarkers.filter((marker) => received.includes(`"${marker}`));
    expect(leaked).toEqual([]);

    await bed.proxy.deps.audit.drain();
    await eventually(async () => {
      const audited = await bed.harness.db.auditEvent.count({
        where: { grantId, decision: "deny", rule: { in: REFUSAL_RULES } },
      });
      expect(audited).toBe(refusedMarkers.length);
    });
  }, 120_000);
});
