import { startTestUpstream, type TestUpstream } from "@gatehouse/testing/start-test-upstream";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, firstText, proxyUrl, useTestbed } from "./proxy-harness";
import { expectJsonRpcError } from "./raw-mcp";
import { readSse } from "./transports-sse-reader";
import { isUpstreamSessionOpen, newestUpstreamSession } from "./transports-upstream-session";

const bed = useTestbed(1);
const POLICY = {
  version: "1",
  default: "deny",
  tools: { echo: { action: "allow" }, "get-sum": { action: "deny", reason: "no sums" } },
};
let upstream: TestUpstream;

beforeAll(async () => {
  upstream = await startTestUpstream();
});
afterAll(async () => {
  await upstream.stop();
});

const sseUrl = (token: string) => proxyUrl(bed.proxy, token).replace(/\/mcp$/, "/sse");

async function connectLegacyAgent(url: string, headers: Record<string, string> = {}): Promise<Client> {
  const client = new Client({ name: "legacy-agent", version: "1.0.0" });
  await client.connect(new SSEClientTransport(new URL(url), { requestInit: { headers } }));
  return client;
}

/** Opens a legacy SSE stream by hand and returns it with the message endpoint its first event names. */
async function openStream(url: string) {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { accept: "text/event-stream" }, signal: controller.signal });
  expect(response.status).toBe(200);
  const stream = readSse(response);
  const endpoint = await stream.next();
  expect(endpoint.event).toBe("endpoint");
  const messages = new URL(endpoint.data, url);
  return {
    messages,
    sessionId: messages.searchParams.get("sessionId") ?? "",
    close: () => controller.abort(),
  };
}

const post = (url: string | URL, body: unknown) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe("the legacy HTTP+SSE endpoint (protocol 2024-11-05)", () => {
  it("lists and calls tools with the policy enforced, and audits the session from stream to close", async () => {
    const { token, grantId } = await bed.harness.grant(POLICY);
    const agent = await connectLegacyAgent(sseUrl(token));
    const { tools } = await agent.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(["echo"]);
    expect(firstText(await agent.callTool({ name: "echo", arguments: { message: "over sse" } }))).toContain(
      "over sse",
    );
    const denied = await agent.callTool({ name: "get-sum", arguments: { a: 1, b: 2 } });
    expect(denied.isError).toBe(true);
    expect(firstText(denied)).toContain("no sums");
    await agent.close();

    const rows = await eventually(async () => {
      await bed.proxy.deps.audit.drain();
      const found = await bed.harness.db.auditEvent.findMany({
        where: { grantId },
        orderBy: { occurredAt: "asc" },
      });
      expect(found).toHaveLength(6);
      return found;
    });
    expect(rows.map((row) => [row.method, row.tool, row.decision])).toEqual([
      ["HTTP GET /sse", null, "allow"],
      ["initialize", null, "allow"],
      ["tools/list", null, "allow"],
      ["tools/call", "echo", "allow"],
      ["tools/call", "get-sum", "deny"],
      ["HTTP GET /sse", null, "allow"],
    ]);
    expect(new Set(rows.map((row) => row.sessionId)).size).toBe(1);
    expect(rows[0]?.sessionId).toBeTruthy();
    expect(rows[0]?.upstreamStatus).toBe("ok");
    expect(rows[1]?.clientName).toBe("legacy-agent");
    expect(rows[5]?.reason).toContain("stream closed");
  });

  it("takes the token as a Bearer header on /sse, and its messages on /messages", async () => {
    const { token } = await bed.harness.grant(POLICY);
    const agent = await connectLegacyAgent(`${bed.proxy.baseUrl}/sse`, { authorization: `Bearer ${token}` });
    expect(firstText(await agent.callTool({ name: "echo", arguments: { message: "bearer" } }))).toContain(
      "bearer",
    );
    await agent.close();
  });

  it("refuses another grant's token posting into the session, and the /mcp endpoint using it", async () => {
    const owner = await bed.harness.grant(POLICY, "owner");
    const intruder = await bed.harness.grant(POLICY, "intruder");
    const stream = await openStream(sseUrl(owner.token));
    expect(stream.messages.pathname).toBe(`/g/${owner.token}/messages`);
    const ping = { jsonrpc: "2.0", id: 1, method: "ping" };

    const foreign = new URL(stream.messages);
    foreign.pathname = `/g/${intruder.token}/messages`;
    const refused = await post(foreign, ping);
    expect(refused.status).toBe(404);
    expect(expectJsonRpcError(await refused.json()).error.message).toContain("Session not found");
    const viaMcp = await fetch(proxyUrl(bed.proxy, owner.token), {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
        "mcp-session-id": stream.sessionId,
      },
      body: JSON.stringify(ping),
    });
    expect(viaMcp.status).toBe(404);
    expect((await post(stream.messages, ping)).status).toBe(202);
    stream.close();

    const denial = await eventually(async () => {
      await bed.proxy.deps.audit.drain();
      const row = await bed.harness.db.auditEvent.findFirst({ where: { grantId: intruder.grantId } });
      expect(row).not.toBeNull();
      return row;
    });
    expect(denial).toMatchObject({ method: "ping", decision: "deny", rule: "(session not found)" });
  });

  it("ends the session and the upstream's session when the agent closes the stream", async () => {
    const serverId = await bed.harness.registerServer(upstream.url);
    const { token } = await bed.harness.grant({ version: "1", default: "allow" }, "closer", serverId);
    const stream = await openStream(sseUrl(token));
    const upstreamSession = newestUpstreamSession(upstream);
    expect(bed.proxy.deps.sessions.get(stream.sessionId)?.kind).toBe("legacy_sse");
    expect(await isUpstreamSessionOpen(upstream, upstreamSession)).toBe(true);

    stream.close();
    await eventually(async () => {
      expect(bed.proxy.deps.sessions.get(stream.sessionId)).toBeUndefined();
      expect(await isUpstreamSessionOpen(upstream, upstreamSession)).toBe(false);
    });
    const late = await post(stream.messages, { jsonrpc: "2.0", id: 2, method: "ping" });
    expect(late.status).toBe(404);
  });

  it("refuses a batch, which protocol 2024-11-05 does not have, before it reaches the session", async () => {
    const { token } = await bed.harness.grant(POLICY);
    const stream = await openStream(sseUrl(token));
    const batch = [{ jsonrpc: "2.0", id: 1, method: "ping" }];
    const refused = await post(stream.messages, batch);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toContain("not supported in MCP 2024-11-05");
    stream.close();
  });
});
