import { request } from "node:http";
import { connect, type Socket } from "node:net";
import { TEST_DATABASE_URL, TEST_ENCRYPTION_KEY } from "@gatehouse/testing/test-env";
import { beforeAll, describe, expect, it } from "vitest";
import { loadProxyEnv } from "../src/env";
import { connectAgent, eventually, firstText, proxyUrl, useTestbed } from "./proxy-harness";
import { expectJsonRpcError, openRawSession, postRaw } from "./raw-mcp";

const bed = useTestbed(1, [
  {
    GATEHOUSE_MAX_BODY_BYTES: "4096",
    GATEHOUSE_MAX_HEADER_BYTES: "2048",
    GATEHOUSE_HEADERS_TIMEOUT_MS: "500",
    GATEHOUSE_REQUEST_TIMEOUT_MS: "1000",
    GATEHOUSE_KEEP_ALIVE_TIMEOUT_MS: "300",
  },
]);

let token: string;
let grantId: string;
beforeAll(async () => {
  ({ token, grantId } = await bed.harness.grant({ version: "1", default: "allow" }));
});

/** Opens a raw connection to the proxy, so a test can send bytes as slowly or as badly as an attacker. */
async function openSocket(): Promise<Socket & { received: () => Promise<string> }> {
  const { port } = new URL(bed.proxy.baseUrl);
  const socket = connect(Number(port), "127.0.0.1");
  await new Promise((resolve) => socket.once("connect", resolve));
  let text = "";
  socket.on("data", (chunk) => {
    text += chunk.toString();
  });
  const closed = new Promise<string>((resolve) => socket.once("close", () => resolve(text)));
  socket.on("error", () => undefined);
  return Object.assign(socket, { received: () => closed });
}

/** The status and JSON-RPC error of a raw HTTP answer. */
function parseAnswer(text: string) {
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1]);
  const body: unknown = JSON.parse(text.slice(text.indexOf("\r\n\r\n") + 4));
  return { status, error: expectJsonRpcError(body).error };
}

/** The grant-less audit events with `rule` recorded since `sinceMs` (refused before any token was read). */
async function connectionRefusals(rule: string, sinceMs: number, count: number) {
  await bed.proxy.deps.audit.drain();
  return eventually(async () => {
    const rows = await bed.harness.db.auditEvent.findMany({
      where: { rule, grantId: null, occurredAt: { gte: new Date(sinceMs) } },
    });
    expect(rows).toHaveLength(count);
    return rows;
  });
}

describe("request size limits", () => {
  it("refuses a body over GATEHOUSE_MAX_BODY_BYTES with 413 and a JSON-RPC error, and audits it", async () => {
    const body = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping", pad: "x".repeat(5000) });
    const answer = await postRaw(proxyUrl(bed.proxy, token), body, { "user-agent": "limits/413" });
    expect(answer.status).toBe(413);
    const { error } = expectJsonRpcError(answer.messages[0]);
    expect(error.message).toMatch(/larger than 4096 bytes \(GATEHOUSE_MAX_BODY_BYTES\)/);
    await bed.proxy.deps.audit.drain();
    const rows = await eventually(async () => {
      const found = await bed.harness.db.auditEvent.findMany({ where: { grantId, userAgent: "limits/413" } });
      expect(found).toHaveLength(1);
      return found;
    });
    expect(rows[0]).toMatchObject({ decision: "deny", rule: "(body too large)" });
  });

  it("refuses a chunked body once it passes the limit, without waiting for its end", async () => {
    const { port } = new URL(bed.proxy.baseUrl);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: "127.0.0.1",
          port,
          path: `/g/${token}/mcp`,
          method: "POST",
          headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
          req.destroy();
        },
      );
      req.on("error", reject);
      req.write("x".repeat(3000));
      req.write("x".repeat(3000));
    });
    expect(status).toBe(413);
  });

  it("answers headers over GATEHOUSE_MAX_HEADER_BYTES with 431 and a JSON-RPC error, and audits it", async () => {
    const sinceMs = Date.now();
    const socket = await openSocket();
    socket.write(`POST /mcp HTTP/1.1\r\nHost: proxy\r\nX-Padding: ${"a".repeat(4000)}\r\n\r\n`);
    const { status, error } = parseAnswer(await socket.received());
    expect(status).toBe(431);
    expect(error.message).toMatch(/exceed 2048 bytes \(GATEHOUSE_MAX_HEADER_BYTES\)/);
    const [row] = await connectionRefusals("(headers too large)", sinceMs, 1);
    expect(row).toMatchObject({ decision: "deny", clientIp: "127.0.0.1", method: "HTTP" });
  });
});

describe("request timeouts", () => {
  it.each([
    ["headers that never finish", "POST /mcp HTTP/1.1\r\nHost: proxy\r\n"],
    [
      "a body that never finishes (slowloris)",
      "POST /mcp HTTP/1.1\r\nHost: proxy\r\nContent-Type: application/json\r\n" +
        'Accept: application/json, text/event-stream\r\nContent-Length: 100\r\n\r\n{"jsonrpc":',
    ],
  ])("answers %s with 408 and closes the connection", async (_label, partial) => {
    const sinceMs = Date.now();
    const socket = await openSocket();
    socket.write(partial.replace("POST /mcp", `POST /g/${token}/mcp`));
    const { status, error } = parseAnswer(await socket.received());
    expect(status).toBe(408);
    expect(error.message).toMatch(/headers within 500 ms, the whole request within 1000 ms/);
    expect(Date.now() - sinceMs).toBeLessThan(4_000);
    await connectionRefusals("(request timeout)", sinceMs, 1);
  });

  it("does not time an answer: a call running longer than the request timeout completes", async () => {
    const agent = await connectAgent(proxyUrl(bed.proxy, token));
    const result = await agent.callTool({
      name: "trigger-long-running-operation",
      arguments: { duration: 2.5, steps: 1 },
    });
    expect(firstText(result)).toContain("completed");
    await agent.close();
  });

  it("does not time an open SSE stream either", async () => {
    const headers = await openRawSession(proxyUrl(bed.proxy, token), "2025-06-18");
    const stream = await fetch(proxyUrl(bed.proxy, token), {
      headers: { ...headers, accept: "text/event-stream" },
    });
    expect(stream.status).toBe(200);
    const reader = stream.body?.getReader();
    const ended = reader?.closed.then(() => "ended");
    const outcome = await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 2_500, "open"))]);
    expect(outcome).toBe("open");
    await reader?.cancel();
  });

  it("closes an idle keep-alive connection after GATEHOUSE_KEEP_ALIVE_TIMEOUT_MS", async () => {
    const socket = await openSocket();
    const startedAtMs = Date.now();
    socket.write("GET /healthz HTTP/1.1\r\nHost: proxy\r\n\r\n");
    expect(await socket.received()).toMatch(/^HTTP\/1\.1 200/);
    expect(Date.now() - startedAtMs).toBeLessThan(2_000);
  });

  it("refuses to start with a headers timeout longer than the request timeout", () => {
    const env = {
      DATABASE_URL: TEST_DATABASE_URL,
      GATEHOUSE_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
      GATEHOUSE_HEADERS_TIMEOUT_MS: "5000",
      GATEHOUSE_REQUEST_TIMEOUT_MS: "1000",
    };
    expect(() => loadProxyEnv(env)).toThrow(
      /GATEHOUSE_HEADERS_TIMEOUT_MS: must be at most GATEHOUSE_REQUEST_TIMEOUT_MS \(1000\)/,
    );
  });
});
