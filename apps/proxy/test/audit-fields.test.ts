import { randomBytes } from "node:crypto";
import { revokeGrant } from "@gatehouse/core/grants/revoke-grant";
import type { AuditEvent, Prisma } from "@gatehouse/db/models";
import { startTestUpstream } from "@gatehouse/testing/start-test-upstream";
import { uniqueSuffix } from "@gatehouse/testing/test-env";
import { EmptyResultSchema } from "@modelcontextprotocol/sdk/types.js";
import { describe, expect, it } from "vitest";
import { startHttpFaultFront } from "./http-fault-front";
import { connectAgent, eventually, proxyUrl, type RunningProxy, useTestbed } from "./proxy-harness";

// Proxy 1 sits behind a (pretend) reverse proxy and trusts its X-Forwarded-For.
const bed = useTestbed(2, [{}, { GATEHOUSE_TRUST_PROXY: "true" }]);

/** The stored audit rows matching `where`, once the worker has written `count` of them. */
async function storedRows(where: Prisma.AuditEventWhereInput, count: number): Promise<AuditEvent[]> {
  await Promise.all([bed.proxyAt(0).deps.audit.drain(), bed.proxyAt(1).deps.audit.drain()]);
  return eventually(async () => {
    const rows = await bed.harness.db.auditEvent.findMany({ where, orderBy: { occurredAt: "asc" } });
    expect(rows).toHaveLength(count);
    return rows;
  });
}

function only<T>(rows: T[], match: (row: T) => boolean): T {
  const found = rows.filter(match);
  expect(found).toHaveLength(1);
  return found[0] as T;
}

const INITIALIZE = {
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "curl", version: "8" } },
};

async function post(
  proxy: RunningProxy,
  path: string,
  headers: Record<string, string>,
  body: unknown = INITIALIZE,
) {
  const response = await fetch(`${proxy.baseUrl}${path}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      ...headers,
    },
    body: JSON.stringify(body),
  });
  await response.body?.cancel();
  return response.status;
}

describe("what the audit log records", () => {
  it("stores the client, origin, outcome, sizes and latencies of every request of a session", async () => {
    const { token, grantId, policyId } = await bed.harness.grant({ version: "1", default: "allow" });
    const userAgent = `audit-fields/${uniqueSuffix()}`;
    const agent = await connectAgent(proxyUrl(bed.proxy, token), { "user-agent": userAgent });
    await agent.listTools();
    const echoed = await agent.callTool({ name: "echo", arguments: { message: "hi" } });
    await agent.callTool({ name: "echo", arguments: {} });
    await agent.ping();
    const unknown = await agent
      .request({ method: "tasks/list", params: {} }, EmptyResultSchema)
      .catch((error: { code?: number }) => error);
    expect(unknown).toMatchObject({ code: -32601 });
    await agent.close();

    const rows = await storedRows({ grantId }, 6);
    const stored = await bed.harness.db.grant.findUniqueOrThrow({ where: { id: grantId } });
    for (const row of rows) {
      expect(row).toMatchObject({
        orgId: bed.harness.account.orgId,
        clientName: "test-agent",
        clientVersion: "1.0.0",
        clientIp: "127.0.0.1",
        userAgent,
        tokenPrefix: stored.tokenPrefix,
        sessionId: rows[0]?.sessionId,
      });
      expect(row.sessionId).toBeTruthy();
    }
    expect(stored.tokenPrefix).toBe(token.slice(0, 10));
    const initialize = only(rows, (row) => row.method === "initialize");
    expect(initialize).toMatchObject({ decision: "allow", upstreamStatus: "ok" });
    expect(initialize.upstreamLatencyMs).toBeGreaterThan(0);
    expect(initialize.latencyMs).toBeGreaterThanOrEqual(initialize.upstreamLatencyMs ?? 0);
    const list = only(rows, (row) => row.method === "tools/list");
    expect(list).toMatchObject({ upstreamStatus: "ok", resultIsError: null, policyId, policyVersion: 1 });
    expect(list.resultBytes).toBeGreaterThan(100);
    const ok = only(rows, (row) => row.tool === "echo" && row.resultIsError === false);
    expect(ok).toMatchObject({ upstreamStatus: "ok", rule: "(default allow)", jsonRpcErrorCode: null });
    expect(ok.resultBytes).toBe(Buffer.byteLength(JSON.stringify(echoed)));
    expect(ok.latencyMs).toBeGreaterThanOrEqual(ok.upstreamLatencyMs ?? Number.POSITIVE_INFINITY);
    only(
      rows,
      (row) => row.tool === "echo" && row.resultIsError === true && row.upstreamStatus === "tool_error",
    );
    const ping = only(rows, (row) => row.method === "ping");
    expect(ping).toMatchObject({
      decision: "allow",
      policyId: null,
      upstreamLatencyMs: null,
      resultBytes: null,
    });
    const refused = only(rows, (row) => row.method === "tasks/list");
    expect(refused).toMatchObject({ decision: "deny", rule: "(method not relayed)" });
  });

  it("stores the upstream's JSON-RPC error code and HTTP status", async () => {
    const upstream = await startTestUpstream();
    const front = await startHttpFaultFront(upstream.url, { tool: "overloaded", status: 503 });
    try {
      const serverId = await bed.harness.registerServer(front.url);
      const { token, grantId } = await bed.harness.grant(
        { version: "1", default: "allow" },
        "agent",
        serverId,
      );
      const agent = await connectAgent(proxyUrl(bed.proxy, token));
      await expect(agent.callTool({ name: "fail", arguments: {} })).rejects.toThrow(/upstream broke/);
      await expect(agent.callTool({ name: "overloaded", arguments: {} })).rejects.toThrow(/503|unavailable/);
      await agent.close();
      const rows = await storedRows({ grantId, method: "tools/call" }, 2);
      expect(only(rows, (row) => row.tool === "fail")).toMatchObject({
        upstreamStatus: "error",
        jsonRpcErrorCode: -32603,
        upstreamHttpStatus: null,
        resultBytes: null,
      });
      expect(only(rows, (row) => row.tool === "overloaded")).toMatchObject({
        upstreamStatus: "error",
        jsonRpcErrorCode: null,
        upstreamHttpStatus: 503,
      });
    } finally {
      await front.stop();
      await upstream.stop();
    }
  });

  it("stores a refusal before any grant is known with only the token's prefix, the address and user agent", async () => {
    const userAgent = `refused/${uniqueSuffix()}`;
    const unknownToken = `ghg_${randomBytes(32).toString("base64url")}`;
    expect(
      await post(bed.proxy, "/mcp", { authorization: `Bearer ${unknownToken}`, "user-agent": userAgent }),
    ).toBe(401);
    expect(await post(bed.proxy, "/g/short-secret/mcp", { "user-agent": userAgent })).toBe(401);
    expect(await post(bed.proxy, "/mcp", { "user-agent": userAgent })).toBe(401);

    const rows = await storedRows({ userAgent }, 3);
    const byRule = Object.fromEntries(rows.map((row) => [row.rule, row.tokenPrefix]));
    expect(byRule).toEqual({
      "(unknown token)": unknownToken.slice(0, 10),
      // Never more than half of what was sent, so a short secret is not stored whole.
      "(malformed token)": "short-",
      "(no token)": null,
    });
    for (const row of rows) {
      expect(row).toMatchObject({ orgId: null, grantId: null, decision: "deny", method: "HTTP POST" });
      expect(row.clientIp).toBe("127.0.0.1");
      expect(JSON.stringify(row)).not.toContain(unknownToken);
      expect(JSON.stringify(row)).not.toContain("short-secret");
    }
  });

  it("stores a revoked grant's refusal under its organisation", async () => {
    const { token, grantId } = await bed.harness.grant({ version: "1", default: "allow" });
    const { orgId } = bed.harness.account;
    const actor = { type: "system" } as const;
    await revokeGrant({ db: bed.harness.db, notify: bed.harness.notify, orgId, grantId, actor });
    expect(await post(bed.proxy, `/g/${token}/mcp`, {})).toBe(401);
    const [row] = await storedRows({ grantId }, 1);
    expect(row).toMatchObject({
      orgId,
      rule: "(grant revoked)",
      decision: "deny",
      tokenPrefix: token.slice(0, 10),
    });
    expect(JSON.stringify(row)).not.toContain(token);
  });

  it("stores a refused session request under its grant, with its JSON-RPC method", async () => {
    const { token, grantId } = await bed.harness.grant({ version: "1", default: "allow" });
    const list = { jsonrpc: "2.0", id: 2, method: "tools/list" };
    expect(await post(bed.proxy, `/g/${token}/mcp`, { "mcp-session-id": "gone" }, list)).toBe(404);
    const [row] = await storedRows({ grantId }, 1);
    expect(row).toMatchObject({ method: "tools/list", rule: "(session not found)", sessionId: "gone" });
  });

  it("takes the client's address from X-Forwarded-For only when the proxy is told to trust it", async () => {
    const userAgent = `forwarded/${uniqueSuffix()}`;
    const headers = { "user-agent": userAgent, "x-forwarded-for": "198.51.100.1, 203.0.113.9" };
    await post(bed.proxyAt(0), "/mcp", headers);
    await post(bed.proxyAt(1), "/mcp", headers);
    const rows = await storedRows({ userAgent }, 2);
    expect(rows.map((row) => row.clientIp).sort()).toEqual(["127.0.0.1", "203.0.113.9"]);
  });
});
