import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_TEST_POLICY, PROD_DENIAL } from "./compat/client-policy";
import { firstText, useTestbed } from "./proxy-harness";

// Older clients speak the 2024-11-05 HTTP+SSE transport: a GET opens an event stream whose
// `endpoint` event names the URL (`/g/<token>/messages?sessionId=…`) to POST messages to.
const bed = useTestbed(1);
let token: string;
const agents: Client[] = [];

async function connectOverSse(url: string, headers: Record<string, string> = {}): Promise<Client> {
  const agent = new Client({ name: "legacy-sse-agent", version: "1.0.0" });
  await agent.connect(new SSEClientTransport(new URL(url), { requestInit: { headers } }));
  agents.push(agent);
  return agent;
}

beforeAll(async () => {
  ({ token } = await bed.harness.grant(CLIENT_TEST_POLICY));
});

afterEach(async () => {
  await Promise.all(agents.splice(0).map((agent) => agent.close()));
});

describe("the MCP SDK client over the legacy HTTP+SSE transport, through Gatehouse", () => {
  it("lists only allowed tools and gets the policy's refusal at GET /g/<token>/sse", async () => {
    const agent = await connectOverSse(`${bed.proxy.baseUrl}/g/${token}/sse`);
    expect((await agent.listTools()).tools.map((tool) => tool.name)).toEqual(["echo"]);
    expect(firstText(await agent.callTool({ name: "echo", arguments: { message: "hello" } }))).toBe(
      "Echo: hello",
    );
    expect(firstText(await agent.callTool({ name: "echo", arguments: { message: "prod-1" } }))).toBe(
      PROD_DENIAL,
    );
  });

  it("accepts the grant token as a bearer token at GET /sse", async () => {
    const agent = await connectOverSse(`${bed.proxy.baseUrl}/sse`, { Authorization: `Bearer ${token}` });
    expect((await agent.listTools()).tools.map((tool) => tool.name)).toEqual(["echo"]);
  });
});
