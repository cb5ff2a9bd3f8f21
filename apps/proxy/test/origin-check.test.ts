import { randomUUID } from "node:crypto";
import { request } from "node:http";
import { describe, expect, it } from "vitest";
import { eventually, proxyUrl, useTestbed } from "./proxy-harness";
import { expectJsonRpcError, postRaw } from "./raw-mcp";

const ALLOWED = "http://localhost:6274";
const bed = useTestbed(1, [{ GATEHOUSE_PROXY_ALLOWED_ORIGINS: ALLOWED }]);

const INITIALIZE = JSON.stringify({
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "web", version: "1" } },
});

describe("the Origin of a request", () => {
  it("refuses a web page from another origin (DNS rebinding), saying how to allow one, and audits it", async () => {
    const { token, grantId } = await bed.harness.grant({ version: "1", default: "allow" });
    const userAgent = `rebinding-${randomUUID()}`;
    const answer = await postAs(proxyUrl(bed.proxy, token), {
      origin: "http://evil.example.com",
      host: "evil.example.com",
      "user-agent": userAgent,
    });
    expect(answer.status).toBe(403);
    const error: unknown = JSON.parse(answer.body);
    expectJsonRpcError(error);
    expect(answer.body).toContain("GATEHOUSE_PROXY_ALLOWED_ORIGINS");
    await bed.proxy.deps.audit.drain();
    const row = await eventually(async () => {
      const rows = await bed.harness.db.auditEvent.findMany({ where: { grantId, userAgent } });
      expect(rows).toHaveLength(1);
      return rows[0];
    });
    expect(row).toMatchObject({ decision: "deny", rule: "(origin not allowed)", method: "HTTP POST" });
  });

  it("serves an allowed browser origin, a local page addressing the local proxy, and agents that send none", async () => {
    const { token } = await bed.harness.grant({ version: "1", default: "allow" });
    const url = proxyUrl(bed.proxy, token);
    expect((await postAs(url, { origin: ALLOWED, host: "gatehouse.example.com" })).status).toBe(200);
    expect((await postAs(url, { origin: "http://127.0.0.1:5173" })).status).toBe(200);
    expect((await postRaw(url, INITIALIZE)).status).toBe(200);
    const rebound = await postAs(url, { origin: "http://localhost:5173", host: "evil.example.com" });
    expect(rebound.status).toBe(403);
  });
});

// fetch will not send a Host header of the caller's choosing, which a rebinding browser does.
function postAs(url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
        ...headers,
      },
    });
    outgoing.on("response", (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => {
        body += chunk.toString();
      });
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    outgoing.on("error", reject);
    outgoing.end(INITIALIZE);
  });
}
