import { revokeGrant } from "@gatehouse/core/grants/revoke-grant";
import { freePort } from "@gatehouse/testing/free-port";
import { describe, expect, it } from "vitest";
import { connectAgent, proxyUrl, useTestbed } from "./proxy-harness";

const bed = useTestbed(1);

const INITIALIZE = {
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "curl", version: "1" } },
};

async function post(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      ...headers,
    },
    body: JSON.stringify(INITIALIZE),
  });
  const body = (await response.json().catch(() => null)) as {
    error: { code: number; message: string };
  } | null;
  return { status: response.status, body };
}

describe("grant tokens", () => {
  it("accepts the token as a Bearer header on /mcp", async () => {
    const { token } = await bed.harness.grant({ version: "1", default: "deny", tools: { echo: {} } });
    const agent = await connectAgent(`${bed.proxy.baseUrl}/mcp`, { authorization: `Bearer ${token}` });
    expect((await agent.listTools()).tools.map((tool) => tool.name)).toEqual(["echo"]);
    await agent.close();
  });

  it.each([
    ["an unknown token in the path", (base: string) => post(`${base}/g/ghg_${"A".repeat(43)}/mcp`)],
    ["a malformed token in the path", (base: string) => post(`${base}/g/not-a-token/mcp`)],
    ["no token on /mcp", (base: string) => post(`${base}/mcp`)],
    [
      "an unknown Bearer token",
      (base: string) => post(`${base}/mcp`, { authorization: `Bearer ghg_${"B".repeat(43)}` }),
    ],
  ])("answers %s with HTTP 401 and a JSON-RPC error", async (_label, send) => {
    const { status, body } = await send(bed.proxy.baseUrl);
    expect(status).toBe(401);
    expect(body).toMatchObject({ jsonrpc: "2.0", id: null, error: { code: -32001 } });
    expect(body?.error.message).toMatch(/^Unauthorized/);
  });

  it("refuses a revoked token on the very next call, and ends its open sessions", async () => {
    const { token, grantId } = await bed.harness.grant({ version: "1", default: "allow" });
    const url = proxyUrl(bed.proxy, token);
    const agent = await connectAgent(url);
    await agent.callTool({ name: "echo", arguments: { message: "before" } });
    await revokeGrant({
      db: bed.harness.db,
      notify: bed.harness.notify,
      orgId: bed.harness.account.orgId,
      actor: bed.harness.account.actor,
      grantId,
    });
    const { status, body } = await post(url);
    expect(status).toBe(401);
    expect(body?.error.message).toContain("revoked");
    await expect(agent.callTool({ name: "echo", arguments: { message: "after" } })).rejects.toThrow();
    await agent.close().catch(() => undefined);
  });

  it("does not let one grant's token use another grant's session", async () => {
    const first = await bed.harness.grant({ version: "1", default: "allow" }, "first");
    const second = await bed.harness.grant({ version: "1", default: "deny" }, "second");
    const opened = await fetch(proxyUrl(bed.proxy, first.token), {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
      body: JSON.stringify(INITIALIZE),
    });
    const sessionId = opened.headers.get("mcp-session-id") ?? "";
    await opened.body?.cancel();
    expect(sessionId).not.toBe("");
    const hijack = await fetch(proxyUrl(bed.proxy, second.token), {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
        "mcp-session-id": sessionId,
        "mcp-protocol-version": "2025-06-18",
      },
      body: JSON.stringify({ jsonrpc: "2.0", id: 2, method: "tools/list", params: {} }),
    });
    expect(hijack.status).toBe(404);
  });

  it("reports an unreachable upstream at initialize with a clear message", async () => {
    const { token } = await bed.harness.grant({ version: "1", default: "allow" });
    const closedUrl = `http://127.0.0.1:${await freePort()}/mcp`;
    await bed.harness.db.mcpServer.update({ where: { id: bed.harness.serverId }, data: { url: closedUrl } });
    try {
      const { status, body } = await post(proxyUrl(bed.proxy, token));
      expect(status).toBe(502);
      expect(body?.error.message).toContain(`Could not reach ${closedUrl} (ECONNREFUSED)`);
    } finally {
      await bed.harness.db.mcpServer.update({
        where: { id: bed.harness.serverId },
        data: { url: bed.harness.upstream.url },
      });
    }
  });
});
