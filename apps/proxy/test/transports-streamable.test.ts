import { startTestUpstream, type TestUpstream } from "@gatehouse/testing/start-test-upstream";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import {
  LATEST_PROTOCOL_VERSION,
  SUPPORTED_PROTOCOL_VERSIONS,
  ToolListChangedNotificationSchema,
} from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, proxyUrl, useTestbed } from "./proxy-harness";
import { openRawSession, postRaw } from "./raw-mcp";
import { readSse } from "./transports-sse-reader";
import { isUpstreamSessionOpen, newestUpstreamSession } from "./transports-upstream-session";

const bed = useTestbed(1);
let upstream: TestUpstream;
let url: string;
let grantId: string;

beforeAll(async () => {
  upstream = await startTestUpstream();
  const serverId = await bed.harness.registerServer(upstream.url);
  let token: string;
  ({ token, grantId } = await bed.harness.grant({ version: "1", default: "allow" }, "streamable", serverId));
  url = proxyUrl(bed.proxy, token);
});
afterAll(async () => {
  await upstream.stop();
});

// Announcing a tool change makes the upstream send notifications/tools/list_changed on its own.
const announce = (description: string) =>
  upstream.setTool(
    {
      name: "echo",
      description,
      inputSchema: { type: "object", properties: { message: { type: "string" } } },
    },
    { announce: true },
  );

async function openGetStream(headers: Record<string, string>) {
  const controller = new AbortController();
  const response = await fetch(url, {
    headers: { ...headers, accept: "text/event-stream" },
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  return { ...readSse(response), close: () => controller.abort() };
}

describe("Streamable HTTP in full", () => {
  it("delivers a server-initiated notification to the agent on its GET stream", async () => {
    const agent = new Client({ name: "listener", version: "1.0.0" });
    let changes = 0;
    agent.setNotificationHandler(ToolListChangedNotificationSchema, async () => {
      changes++;
    });
    await agent.connect(new StreamableHTTPClientTransport(new URL(url)));
    // The client opens its GET stream after initializing; announce until it is there to hear.
    await eventually(async () => {
      await announce("changed for the listener");
      expect(changes).toBeGreaterThan(0);
    });
    await agent.close();
  });

  it("ends the gateway session and the upstream's session on DELETE, and audits it", async () => {
    const transport = new StreamableHTTPClientTransport(new URL(url));
    const agent = new Client({ name: "leaver", version: "1.0.0" });
    await agent.connect(transport);
    await agent.listTools();
    const sessionId = transport.sessionId ?? "";
    const upstreamSession = newestUpstreamSession(upstream);
    expect(bed.proxy.deps.sessions.get(sessionId)).toBeDefined();
    expect(await isUpstreamSessionOpen(upstream, upstreamSession)).toBe(true);

    await transport.terminateSession();
    expect(bed.proxy.deps.sessions.get(sessionId)).toBeUndefined();
    await eventually(async () => expect(await isUpstreamSessionOpen(upstream, upstreamSession)).toBe(false));
    const after = await postRaw(url, '{"jsonrpc":"2.0","id":9,"method":"tools/list"}', {
      "mcp-session-id": sessionId,
    });
    expect(after.status).toBe(404);
    await agent.close();

    const row = await eventually(async () => {
      await bed.proxy.deps.audit.drain();
      const found = await bed.harness.db.auditEvent.findFirst({
        where: { grantId, method: "HTTP DELETE", sessionId },
      });
      expect(found).not.toBeNull();
      return found;
    });
    expect(row).toMatchObject({ decision: "allow", clientName: "leaver" });
  });

  it("replays the events an agent missed when it reconnects with Last-Event-ID", async () => {
    const headers = await openRawSession(url, LATEST_PROTOCOL_VERSION);
    const first = await openGetStream(headers);
    await announce("first change");
    const seen = await first.next();
    expect(JSON.parse(seen.data)).toMatchObject({ method: "notifications/tools/list_changed" });
    expect(seen.id).toBeTruthy();
    first.close();

    // Two notifications arrive while the agent is away; the gateway stores them for its return.
    await announce("missed change 1");
    await announce("missed change 2");
    await new Promise((resolve) => setTimeout(resolve, 500));
    const resumed = await openGetStream({ ...headers, "last-event-id": seen.id ?? "" });
    const replayed = [await resumed.next(), await resumed.next()];
    resumed.close();
    for (const event of replayed) {
      expect(JSON.parse(event.data)).toMatchObject({ method: "notifications/tools/list_changed" });
      expect(Number(event.id)).toBeGreaterThan(Number(seen.id));
    }
    expect(replayed[0]?.id).not.toBe(replayed[1]?.id);
  });

  it("initializes at every protocol version the SDK negotiates, and answers unknown ones with the latest", async () => {
    for (const version of SUPPORTED_PROTOCOL_VERSIONS) {
      const initialize = {
        jsonrpc: "2.0",
        id: 1,
        method: "initialize",
        params: {
          protocolVersion: version,
          capabilities: {},
          clientInfo: { name: "versions", version: "1" },
        },
      };
      const opened = await postRaw(url, JSON.stringify(initialize));
      expect(opened.status, version).toBe(200);
      expect(opened.messages[0], version).toMatchObject({ result: { protocolVersion: version } });
      const headers = { "mcp-session-id": opened.sessionId ?? "", "mcp-protocol-version": version };
      const listed = await postRaw(url, '{"jsonrpc":"2.0","id":2,"method":"tools/list"}', headers);
      expect(listed.messages[0], version).toMatchObject({ result: { tools: expect.any(Array) } });
    }
    const future = {
      jsonrpc: "2.0",
      id: 1,
      method: "initialize",
      params: {
        protocolVersion: "2099-01-01",
        capabilities: {},
        clientInfo: { name: "future", version: "1" },
      },
    };
    const answered = await postRaw(url, JSON.stringify(future));
    expect(answered.messages[0]).toMatchObject({ result: { protocolVersion: LATEST_PROTOCOL_VERSION } });
  });
});
