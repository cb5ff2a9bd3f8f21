import { discoverTools } from "@gatehouse/core/catalogue/discover-tools";
import { registerServer } from "@gatehouse/core/servers/register-server";
import { isProcessAlive } from "@gatehouse/testing/process-alive";
import { type StdioServerCommand, stdioScript } from "@gatehouse/testing/stdio-test-servers";
import { uniqueSuffix } from "@gatehouse/testing/test-env";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { describe, expect, it } from "vitest";
import { connectAgent, eventually, firstText, proxyUrl, startProxy, useTestbed } from "./proxy-harness";

const STDIO = { GATEHOUSE_ALLOW_STDIO: "true" };
// Proxy 0 gives each session its own process (the default); proxy 1 pools them.
const bed = useTestbed(2, [STDIO, { ...STDIO, GATEHOUSE_STDIO_LIFECYCLE: "pooled" }]);

/** Registers a stdio server (discovered when it can start) and grants an agent everything on it. */
async function stdioGrant(server: StdioServerCommand, discover = true) {
  const { db, secretBox, account } = bed.harness;
  const input = { name: `stdio-${uniqueSuffix()}`, transport: "stdio" as const, env: {}, ...server };
  const { serverId } = await registerServer({
    db,
    secretBox,
    ...account,
    allowStdio: true,
    allowPrivateNetworks: true,
    input,
  });
  if (discover) {
    await discoverTools({
      db,
      secretBox,
      orgId: account.orgId,
      serverId,
      allowStdio: true,
      allowPrivateNetworks: true,
      timeoutMs: 10_000,
    });
  }
  const { token, grantId } = await bed.harness.grant({ version: "1", default: "allow" }, "agent", serverId);
  return { serverId, token, grantId };
}

async function whoami(agent: Client): Promise<number> {
  return Number(firstText(await agent.callTool({ name: "whoami", arguments: {} })));
}

/** Ends the agent's session with DELETE, as a client that is done does. */
async function endSession(agent: Client) {
  await (agent.transport as StreamableHTTPClientTransport).terminateSession();
  await agent.close();
}

describe("stdio servers per session (the default)", () => {
  it("start a process per agent session and stop it when the session ends", async () => {
    const { token } = await stdioGrant(stdioScript("crash-after-calls"));
    const [first, second] = await Promise.all([1, 2].map(() => connectAgent(proxyUrl(bed.proxy, token))));
    if (!first || !second) throw new Error("two agents expected");
    const [firstPid, secondPid] = await Promise.all([whoami(first), whoami(second)]);
    expect(firstPid).not.toBe(secondPid);
    await endSession(first);
    await eventually(async () => expect(isProcessAlive(firstPid)).toBe(false));
    expect(isProcessAlive(secondPid)).toBe(true);
    await endSession(second);
    await eventually(async () => expect(isProcessAlive(secondPid)).toBe(false));
  });

  it("that exit before initialize are explained to the agent and in the audit, in one line", async () => {
    const { token, grantId } = await stdioGrant(stdioScript("exit-early"), false);
    const failure = await connectAgent(proxyUrl(bed.proxy, token)).catch((error: Error) => error);
    const expected = `The stdio server exited with code 1 before answering initialize. Its last output: Starting… | Error: MLFLOW_TRACKING_URI environment variable is not set — check its command ("${process.execPath}") and environment (e.g. MLFLOW_TRACKING_URI).`;
    // The SDK client quotes the proxy's JSON-RPC error body, quotes escaped.
    expect(String(failure).replaceAll('\\"', '"')).toContain(`"message":"Gatehouse: ${expected}"`);
    await bed.proxy.deps.audit.drain();
    const row = await eventually(async () => {
      const found = await bed.harness.db.auditEvent.findFirst({ where: { grantId, method: "initialize" } });
      expect(found).not.toBeNull();
      return found;
    });
    expect(row).toMatchObject({ upstreamStatus: "error", upstreamError: expected });
  });
});

describe("pooled stdio servers", () => {
  it("share one process between sessions, restart it after a crash and show it on the server", async () => {
    const pooled = bed.proxyAt(1);
    const { token, serverId } = await stdioGrant({
      ...stdioScript("crash-after-calls"),
      env: { CRASH_AFTER_CALLS: "2" },
    });
    const [first, second] = await Promise.all([1, 2].map(() => connectAgent(proxyUrl(pooled, token))));
    if (!first || !second) throw new Error("two agents expected");
    const pid = await whoami(first);
    expect(await whoami(second)).toBe(pid);

    const crashed = await first.callTool({ name: "whoami", arguments: {} }).catch((error: Error) => error);
    expect(String(crashed)).toContain(
      "Gatehouse: The stdio server exited with code 3 while Gatehouse was using it.",
    );
    const restartedPid = await eventually(() => whoami(second));
    expect(restartedPid).not.toBe(pid);
    expect(isProcessAlive(pid)).toBe(false);
    const server = await eventually(async () => {
      const row = await bed.harness.db.mcpServer.findUniqueOrThrow({ where: { id: serverId } });
      expect(row.status).toBe("connected");
      return row;
    });
    expect(server.lastError).toBeNull();
    await Promise.all([endSession(first), endSession(second)]);
  });

  it("are stopped when the proxy shuts down, leaving no process behind", async () => {
    const proxy = await startProxy({ ...STDIO, GATEHOUSE_STDIO_LIFECYCLE: "pooled" });
    const { token } = await stdioGrant(stdioScript("crash-after-calls"));
    const agent = await connectAgent(proxyUrl(proxy, token));
    const pid = await whoami(agent);
    await proxy.close();
    expect(isProcessAlive(pid)).toBe(false);
  });
});
