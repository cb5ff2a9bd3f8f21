import { startTestUpstream, type TestUpstream } from "@gatehouse/testing/start-test-upstream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectAgent, useTestbed } from "./proxy-harness";

const bed = useTestbed(1);
const SERVER_KEY = "server-key-stored-encrypted";
let upstream: TestUpstream;

beforeAll(async () => {
  upstream = await startTestUpstream();
});
afterAll(async () => {
  await upstream.stop();
});

describe("what reaches the upstream", () => {
  it("is the server's stored credentials, never the agent's token, cookies or other headers", async () => {
    const serverId = await bed.harness.registerServer(upstream.url, { "X-Api-Key": SERVER_KEY });
    const { token } = await bed.harness.grant({ version: "1", default: "allow" }, "agent", serverId);
    const before = upstream.requestHeaders().length;
    const agent = await connectAgent(`${bed.proxy.baseUrl}/mcp`, {
      authorization: `Bearer ${token}`,
      cookie: "session=agent-cookie",
      "proxy-authorization": "Basic YWdlbnQ6c2VjcmV0",
      "x-agent-secret": "agent-only",
      "x-forwarded-for": "203.0.113.9",
    });
    await agent.callTool({ name: "echo", arguments: { message: "hi" } });
    await agent.close();

    const sent = upstream.requestHeaders().slice(before);
    expect(sent.length).toBeGreaterThan(0);
    for (const headers of sent) {
      expect(headers["x-api-key"]).toBe(SERVER_KEY);
      expect(headers.authorization).toBeUndefined();
      expect(headers.cookie).toBeUndefined();
      expect(headers["proxy-authorization"]).toBeUndefined();
      expect(headers["x-agent-secret"]).toBeUndefined();
      expect(headers["x-forwarded-for"]).toBeUndefined();
      expect(JSON.stringify(headers)).not.toContain(token);
    }
  });
});
