import { uniqueSuffix } from "@gatehouse/testing/test-env";
import { describe, expect, it } from "vitest";
import { useAllowAllTarget } from "./allow-all-target";
import { eventually, useTestbed } from "./proxy-harness";
import { expectJsonRpcError, openRawSession, postRaw } from "./raw-mcp";

const bed = useTestbed(1, [{ GATEHOUSE_MAX_JSON_DEPTH: "6", GATEHOUSE_MAX_STRING_CHARS: "1000" }]);

const target = useAllowAllTarget(bed, "validation");

/** A tools/call of the upstream's echo tool with `change` applied; valid when `change` is empty. */
function call(change: Record<string, unknown> = {}): string {
  const message = { jsonrpc: "2.0", id: 7, method: "tools/call", params: { name: "echo", arguments: {} } };
  return JSON.stringify({ ...message, ...change });
}

/** The audit event of the request sent with `userAgent`, once the worker has stored it. */
async function auditedAs(userAgent: string) {
  await bed.proxy.deps.audit.drain();
  return eventually(async () => {
    const rows = await bed.harness.db.auditEvent.findMany({ where: { grantId: target.grantId, userAgent } });
    expect(rows).toHaveLength(1);
    return rows[0];
  });
}

const CODES: Record<string, number> = { "(parse error)": -32700, "(invalid params)": -32602 };

type Refused = [label: string, body: string, id: string | number | null, rule: string, message: RegExp];

const REFUSED: Refused[] = [
  ["truncated JSON", '{"jsonrpc":"2.0","id":1,', null, "(parse error)", /^Parse error: .*not valid JSON/],
  ["an empty body", "", null, "(parse error)", /^Parse error/],
  ["a bare string", '"tools/list"', null, "(invalid JSON-RPC)", /is a JSON object, not a string/],
  ["null", "null", null, "(invalid JSON-RPC)", /is a JSON object, not null/],
  ["jsonrpc 1.0", call({ jsonrpc: "1.0" }), 7, "(invalid JSON-RPC)", /jsonrpc must be the string "2\.0"/],
  ["no jsonrpc", call({ jsonrpc: undefined }), 7, "(invalid JSON-RPC)", /jsonrpc must be the string "2\.0"/],
  ["no method", call({ method: undefined }), 7, "(invalid JSON-RPC)", /has no "method"/],
  ["an empty method", call({ method: "" }), 7, "(invalid JSON-RPC)", /method must not be empty/],
  ["a numeric method", call({ method: 42 }), 7, "(invalid JSON-RPC)", /method must be a string/],
  ["a null id", call({ id: null }), null, "(invalid JSON-RPC)", /id must be a string or an integer/],
  ["a boolean id", call({ id: true }), null, "(invalid JSON-RPC)", /id must be a string or an integer/],
  ["an object id", call({ id: { a: 1 } }), null, "(invalid JSON-RPC)", /id must be a string or an integer/],
  ["a fractional id", call({ id: 1.5 }), null, "(invalid JSON-RPC)", /not a fraction/],
  ["an id beyond 2^53", call({ id: 2 ** 60 }), null, "(invalid JSON-RPC)", /-\(2\^53 - 1\) and 2\^53 - 1/],
  ["a 300-character id", call({ id: "x".repeat(300) }), null, "(invalid JSON-RPC)", /at most 256/],
  ["params as an array", call({ params: ["echo"] }), 7, "(invalid JSON-RPC)", /params must be a JSON object/],
  ["params as a string", call({ params: "echo" }), 7, "(invalid JSON-RPC)", /params must be a JSON object/],
  ["params null", call({ params: null }), 7, "(invalid JSON-RPC)", /params must be a JSON object/],
  ["an extra member", call({ extra: 1 }), 7, "(invalid JSON-RPC)", /unexpected member "extra"/],
  ["a request with a result", call({ result: {} }), 7, "(invalid JSON-RPC)", /unexpected member "result"/],
  [
    "an answer whose result is no object",
    '{"jsonrpc":"2.0","id":3,"result":5}',
    3,
    "(invalid JSON-RPC)",
    /result must be a JSON object/,
  ],
  [
    "an error answer without a message",
    '{"jsonrpc":"2.0","id":3,"error":{"code":1}}',
    3,
    "(invalid JSON-RPC)",
    /error\.message must be a string/,
  ],
  [
    "a _meta that is no object",
    call({ params: { name: "echo", _meta: 5 } }),
    7,
    "(invalid JSON-RPC)",
    /params\._meta: .*expected object/,
  ],
  [
    "a tools/call without a name",
    call({ params: {} }),
    7,
    "(invalid params)",
    /^Invalid params: params\.name: /,
  ],
  [
    "arguments nested too deep",
    call({ params: { name: "echo", arguments: { a: { b: { c: { d: {} } } } } } }),
    7,
    "(invalid JSON-RPC)",
    /nests deeper than 6 levels .*GATEHOUSE_MAX_JSON_DEPTH/,
  ],
  [
    "arguments nested 100,000 deep (no stack overflow)",
    `{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"echo","arguments":${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}}}`,
    7,
    "(invalid JSON-RPC)",
    /nests deeper than 6 levels/,
  ],
  [
    "an argument longer than the string limit",
    call({ params: { name: "echo", arguments: { message: "x".repeat(1001) } } }),
    7,
    "(invalid JSON-RPC)",
    /longer than 1000 characters \(GATEHOUSE_MAX_STRING_CHARS\)/,
  ],
];

describe("strict JSON-RPC at the proxy", () => {
  it.each(REFUSED)("refuses %s with HTTP 400, audits it and forwards nothing", async (...refused) => {
    const [, body, id, rule, message] = refused;
    const headers = await openRawSession(target.url, "2025-06-18");
    const userAgent = `validation/${uniqueSuffix()}`;
    const callsBefore = target.upstream.calls();
    const answer = await postRaw(target.url, body, { ...headers, "user-agent": userAgent });
    expect(answer.status).toBe(400);
    expect(answer.messages).toHaveLength(1);
    const error = expectJsonRpcError(answer.messages[0]);
    expect(error.id).toEqual(id);
    expect(error.error.code).toBe(CODES[rule] ?? -32600);
    expect(error.error.message).toMatch(message);
    expect(target.upstream.calls()).toBe(callsBefore);
    expect(await auditedAs(userAgent)).toMatchObject({ decision: "deny", rule, reason: error.error.message });
  });

  it("still answers a valid call in a session where invalid ones were refused", async () => {
    const headers = await openRawSession(target.url, "2025-06-18");
    await postRaw(target.url, call({ jsonrpc: "1.0" }), headers);
    const valid = call({ params: { name: "echo", arguments: { message: "fine" } } });
    const answer = await postRaw(target.url, valid, headers);
    expect(answer.status).toBe(200);
    expect(answer.messages).toEqual([
      { jsonrpc: "2.0", id: 7, result: { content: [{ type: "text", text: "fine" }] } },
    ]);
  });

  it("refuses a second initialize on an open session", async () => {
    const headers = await openRawSession(target.url, "2025-06-18");
    const initialize = {
      jsonrpc: "2.0",
      id: 1,
      method: "initialize",
      params: {
        protocolVersion: "2025-06-18",
        capabilities: {},
        clientInfo: { name: "again", version: "1" },
      },
    };
    const answer = await postRaw(target.url, JSON.stringify(initialize), headers);
    expect(answer.status).toBe(400);
    expect(expectJsonRpcError(answer.messages[0]).error.message).toContain("already initialized");
  });

  it.each([
    ["a body that is not JSON", { "content-type": "text/plain" }, 415, "(not JSON)", "HTTP POST"],
    ["an agent that accepts no SSE", { accept: "application/json" }, 406, "(not acceptable)", "HTTP POST"],
    [
      "an unknown protocol version",
      { "mcp-protocol-version": "1999-01" },
      400,
      "(unsupported protocol version)",
      "tools/call",
    ],
  ])("refuses %s, saying what to send, and audits it", async (_label, override, status, rule, method) => {
    const headers = await openRawSession(target.url, "2025-06-18");
    const userAgent = `validation/${uniqueSuffix()}`;
    const answer = await postRaw(target.url, call(), { ...headers, ...override, "user-agent": userAgent });
    expect(answer.status).toBe(status);
    const error = expectJsonRpcError(answer.messages[0]);
    expect(error.error.code).toBe(-32600);
    expect(error.error.message).toMatch(
      /Content-Type: application\/json|text\/event-stream|"1999-01" is not a version/,
    );
    expect(await auditedAs(userAgent)).toMatchObject({ decision: "deny", rule, method });
  });
});
