import { uniqueSuffix } from "@gatehouse/testing/test-env";
import { describe, expect, it } from "vitest";
import { useAllowAllTarget } from "./allow-all-target";
import { eventually, useTestbed } from "./proxy-harness";
import { expectJsonRpcError, openRawSession, postRaw } from "./raw-mcp";

const bed = useTestbed(1);

const target = useAllowAllTarget(bed, "batches");

const ping = (id: number) => ({ jsonrpc: "2.0", id, method: "ping" });
const echo = (id: number, message: string) => ({
  jsonrpc: "2.0",
  id,
  method: "tools/call",
  params: { name: "echo", arguments: { message } },
});
const initialized = { jsonrpc: "2.0", method: "notifications/initialized" };

/** Sends a batch in a fresh session of `version`; returns the answer and the refusal's audit rule. */
async function sendBatch(version: string, batch: unknown[], options: { sendsVersion?: boolean } = {}) {
  const userAgent = `batches/${uniqueSuffix()}`;
  const headers = await openRawSession(target.url, version, options);
  const answer = await postRaw(target.url, JSON.stringify(batch), { ...headers, "user-agent": userAgent });
  const audited = async () => {
    await bed.proxy.deps.audit.drain();
    return eventually(async () => {
      const rows = await bed.harness.db.auditEvent.findMany({
        where: { grantId: target.grantId, userAgent, decision: "deny" },
      });
      expect(rows).toHaveLength(1);
      return rows[0];
    });
  };
  return { ...answer, audited };
}

describe("JSON-RPC batches", () => {
  it.each(["2025-06-18", "2025-11-25"])("refuses any batch under %s, where MCP has none", async (version) => {
    const answer = await sendBatch(version, [ping(1)]);
    expect(answer.status).toBe(400);
    const error = expectJsonRpcError(answer.messages[0]);
    expect(error).toMatchObject({ id: null, error: { code: -32600 } });
    expect(error.error.message).toContain(`batches are not supported in MCP ${version}`);
    expect(await answer.audited()).toMatchObject({ rule: "(batch not supported)", method: "batch of 1" });
  });

  it.each([
    ["with the MCP-Protocol-Version header", true],
    ["without the header, which means 2025-03-26", false],
  ])("answers every member of a valid batch under 2025-03-26 %s", async (_label, sendsVersion) => {
    const callsBefore = target.upstream.calls();
    const answer = await sendBatch("2025-03-26", [ping(1), echo(2, "batched"), initialized], {
      sendsVersion,
    });
    expect(answer.status).toBe(200);
    const byId = Object.fromEntries(
      answer.messages.map((message) => [(message as { id: number }).id, message]),
    );
    expect(byId).toEqual({
      1: { jsonrpc: "2.0", id: 1, result: {} },
      2: { jsonrpc: "2.0", id: 2, result: { content: [{ type: "text", text: "batched" }] } },
    });
    expect(target.upstream.calls()).toBe(callsBefore + 1);
  });

  it("answers an empty batch with one -32600 error, not an array", async () => {
    const answer = await sendBatch("2025-03-26", []);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text)).toMatchObject({ jsonrpc: "2.0", id: null, error: { code: -32600 } });
    expect(answer.messages[0]).toMatchObject({ error: { message: expect.stringContaining("empty array") } });
    expect((await answer.audited())?.rule).toBe("(empty batch)");
  });

  it("forwards nothing of a batch with an invalid member, and answers each of its requests", async () => {
    const callsBefore = target.upstream.calls();
    const invalid = { jsonrpc: "1.0", id: 3, method: "ping" };
    const answer = await sendBatch("2025-03-26", [echo(2, "never"), invalid, initialized]);
    expect(answer.status).toBe(400);
    expect(Array.isArray(JSON.parse(answer.text))).toBe(true);
    const errors = answer.messages.map(expectJsonRpcError);
    expect(errors.map((error) => [error.id, error.error.code])).toEqual([
      [2, -32600],
      [3, -32600],
    ]);
    expect(errors[0]?.error.message).toMatch(/member 0 was not processed because member 1 is invalid/);
    expect(errors[1]?.error.message).toMatch(/batch member 1: jsonrpc must be the string "2\.0"/);
    expect(target.upstream.calls()).toBe(callsBefore);
    expect(await answer.audited()).toMatchObject({ rule: "(invalid batch member)", method: "batch of 3" });
  });

  it("refuses initialize inside a batch", async () => {
    const params = {
      protocolVersion: "2025-03-26",
      capabilities: {},
      clientInfo: { name: "a", version: "1" },
    };
    const initialize = { jsonrpc: "2.0", id: 9, method: "initialize", params };
    const answer = await sendBatch("2025-03-26", [initialize]);
    expect(answer.status).toBe(400);
    expect(answer.messages).toMatchObject([
      {
        id: 9,
        error: { code: -32600, message: expect.stringContaining("initialize must be sent on its own") },
      },
    ]);
  });

  it("refuses a batch of more than 100 messages", async () => {
    const answer = await sendBatch(
      "2025-03-26",
      Array.from({ length: 101 }, (_, index) => ping(index)),
    );
    expect(answer.status).toBe(400);
    expect(answer.messages).toMatchObject([{ id: null, error: { code: -32600 } }]);
    expect((await answer.audited())?.rule).toBe("(batch too large)");
  });
});
