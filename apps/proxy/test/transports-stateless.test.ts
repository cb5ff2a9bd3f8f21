import { startTestUpstream } from "@gatehouse/testing/start-test-upstream";
import { LATEST_PROTOCOL_VERSION } from "@modelcontextprotocol/sdk/types.js";
import { describe, expect, it } from "vitest";
import { eventually, proxyUrl, useTestbed } from "./proxy-harness";
import { expectJsonRpcError, postRaw } from "./raw-mcp";
import { isUpstreamSessionOpen, newestUpstreamSession } from "./transports-upstream-session";

const bed = useTestbed(1);
const POLICY = {
  version: "1",
  default: "deny",
  tools: { echo: { action: "allow" }, "get-sum": { action: "deny", reason: "no sums" } },
};
const VERSION_HEADER = { "mcp-protocol-version": LATEST_PROTOCOL_VERSION };

const request = (id: number, method: string, params: object = {}) =>
  JSON.stringify({ jsonrpc: "2.0", id, method, params });

describe("stateless requests (no Mcp-Session-Id)", () => {
  it("are answered under the grant's policy without opening a session, and audited", async () => {
    const { token, grantId } = await bed.harness.grant(POLICY);
    const url = proxyUrl(bed.proxy, token);
    const sessionsBefore = bed.proxy.deps.sessions.size;

    const listed = await postRaw(url, request(1, "tools/list"), VERSION_HEADER);
    expect(listed.status).toBe(200);
    expect(listed.sessionId).toBeNull();
    expect(listed.messages[0]).toMatchObject({ id: 1, result: { tools: [{ name: "echo" }] } });
    const called = await postRaw(
      url,
      request(2, "tools/call", { name: "echo", arguments: { message: "no session" } }),
      VERSION_HEADER,
    );
    expect(JSON.stringify(called.messages[0])).toContain("no session");
    const denied = await postRaw(
      url,
      request(3, "tools/call", { name: "get-sum", arguments: { a: 1, b: 2 } }),
    );
    expect(denied.messages[0]).toMatchObject({ id: 3, result: { isError: true } });
    expect(JSON.stringify(denied.messages[0])).toContain("no sums");
    expect(bed.proxy.deps.sessions.size).toBe(sessionsBefore);

    const rows = await eventually(async () => {
      await bed.proxy.deps.audit.drain();
      const found = await bed.harness.db.auditEvent.findMany({
        where: { grantId },
        orderBy: { occurredAt: "asc" },
      });
      expect(found).toHaveLength(3);
      return found;
    });
    expect(rows.map((row) => [row.method, row.tool, row.decision, row.sessionId])).toEqual([
      ["tools/list", null, "allow", null],
      ["tools/call", "echo", "allow", null],
      ["tools/call", "get-sum", "deny", null],
    ]);
  });

  it("connect the upstream for the request alone and end its session once answered", async () => {
    const upstream = await startTestUpstream();
    try {
      const serverId = await bed.harness.registerServer(upstream.url);
      const { token } = await bed.harness.grant({ version: "1", default: "allow" }, "stateless", serverId);
      const callsBefore = upstream.calls();
      const called = await postRaw(
        proxyUrl(bed.proxy, token),
        request(1, "tools/call", { name: "echo", arguments: { message: "once" } }),
      );
      expect(JSON.stringify(called.messages[0])).toContain("once");
      expect(upstream.calls()).toBe(callsBefore + 1);
      const upstreamSession = newestUpstreamSession(upstream);
      await eventually(async () =>
        expect(await isUpstreamSessionOpen(upstream, upstreamSession)).toBe(false),
      );
    } finally {
      await upstream.stop();
    }
  });

  it("pass the same token checks and validation as session requests", async () => {
    const { token } = await bed.harness.grant(POLICY);
    const url = proxyUrl(bed.proxy, token);
    const unknown = await postRaw(proxyUrl(bed.proxy, `${token.slice(0, -4)}AAAA`), request(1, "tools/list"));
    expect(unknown.status).toBe(401);
    const invalid = await postRaw(url, '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":7}}');
    expect(invalid.status).toBe(400);
    expectJsonRpcError(invalid.messages[0]);
    const wrongVersion = await postRaw(url, request(1, "tools/list"), {
      "mcp-protocol-version": "1999-01-01",
    });
    expect(wrongVersion.status).toBe(400);
  });

  it("cannot open a GET stream or DELETE without a session, and are told why", async () => {
    const { token } = await bed.harness.grant(POLICY);
    for (const method of ["GET", "DELETE"]) {
      const response = await fetch(proxyUrl(bed.proxy, token), {
        method,
        headers: { accept: "text/event-stream" },
      });
      expect(response.status).toBe(400);
      expect(expectJsonRpcError(await response.json()).error.message).toContain(`${method} needs a session`);
    }
  });
});
