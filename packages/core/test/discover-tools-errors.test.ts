import { randomBytes } from "node:crypto";
import type { Actor } from "@gatehouse/core/admin-trail/admin-actor";
import { discoverTools } from "@gatehouse/core/catalogue/discover-tools";
import { createSecretBox } from "@gatehouse/core/secrets/secret-box";
import { registerServer } from "@gatehouse/core/servers/register-server";
import type { RegisterServerInput } from "@gatehouse/core/servers/register-server-input";
import { createTestAccount } from "@gatehouse/testing/create-test-account";
import { freePort } from "@gatehouse/testing/free-port";
import { uniqueSuffix } from "@gatehouse/testing/test-env";
import { beforeAll, describe, expect, it } from "vitest";
import {
  gatehouseFailure,
  type ServerConnection,
  type StubServer,
  startStubServer,
  testSecretBox,
  useTestDb,
} from "./test-support";

const db = useTestDb();
let orgId: string;
let actor: Actor;

beforeAll(async () => {
  ({ orgId, actor } = await createTestAccount(db, "discover-errors"));
});

/** Registers a server, runs discovery expecting it to fail, and returns the failure and the server row. */
async function failedDiscovery(input: ServerConnection) {
  const named = { ...input, name: `broken ${uniqueSuffix()}` } as RegisterServerInput;
  const { serverId } = await registerServer({
    db,
    secretBox: testSecretBox,
    orgId,
    actor,
    allowStdio: true,
    allowPrivateNetworks: true,
    input: named,
  });
  const failure = await gatehouseFailure(
    discoverTools({
      db,
      secretBox: testSecretBox,
      orgId,
      serverId,
      allowStdio: true,
      allowPrivateNetworks: true,
      timeoutMs: 5_000,
    }),
  );
  const server = await db.mcpServer.findUniqueOrThrow({ where: { id: serverId } });
  expect(server).toMatchObject({ status: "error", lastError: failure.message, discoveredAt: null });
  expect(await db.tool.count({ where: { serverId } })).toBe(0);
  return failure;
}

async function withStub<T>(
  answer: { status: number; contentType: string; body: string },
  run: (stub: StubServer) => Promise<T>,
) {
  const stub = await startStubServer((_request, response) => {
    response.writeHead(answer.status, { "content-type": answer.contentType });
    response.end(answer.body);
  });
  try {
    return await run(stub);
  } finally {
    await stub.close();
  }
}

describe("discoverTools explains why a server could not be discovered", () => {
  it("a closed port is unreachable", async () => {
    const url = `http://127.0.0.1:${await freePort()}/mcp`;
    const failure = await failedDiscovery({ transport: "streamable_http", url });
    expect(failure).toMatchObject({
      code: "upstream_unreachable",
      message: `Could not reach ${url} (ECONNREFUSED). Check the URL and that the server is running.`,
    });
  });

  it("a 401 is an authentication failure naming the status", async () => {
    const failure = await withStub({ status: 401, contentType: "application/json", body: "{}" }, (stub) =>
      failedDiscovery({
        transport: "streamable_http",
        url: stub.url,
        headers: { Authorization: "Bearer wrong" },
      }),
    );
    expect(failure.code).toBe("upstream_auth_failed");
    expect(failure.message).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/mcp refused Gatehouse's credentials \(HTTP 401\)\. Check the server's headers, e\.g\. its Authorization header\.$/,
    );
    expect(failure.message).not.toContain("Bearer wrong");
  });

  it("a 403 is an authentication failure too", async () => {
    const failure = await withStub({ status: 403, contentType: "text/plain", body: "forbidden" }, (stub) =>
      failedDiscovery({ transport: "streamable_http", url: stub.url }),
    );
    expect(failure.code).toBe("upstream_auth_failed");
    expect(failure.message).toContain("(HTTP 403)");
  });

  it.each([
    [
      "an HTML page",
      { status: 200, contentType: "text/html", body: "<!doctype html><h1>Welcome</h1>" },
      "Streamable HTTP error: Unexpected content type: text/html",
    ],
    ["a 404", { status: 404, contentType: "text/plain", body: "Not Found" }, "HTTP 404"],
  ])("%s is not an MCP server", async (_label, answer, detail) => {
    const { failure, url } = await withStub(answer, async (stub) => ({
      failure: await failedDiscovery({ transport: "streamable_http", url: stub.url }),
      url: stub.url,
    }));
    expect(failure).toMatchObject({
      code: "upstream_not_mcp",
      message: `${url} did not answer like an MCP server (${detail}). Check the URL points at the MCP endpoint (often ending in /mcp) and the transport is right.`,
    });
  });

  it("a JSON API that does not speak JSON-RPC is not MCP, explained without parser internals", async () => {
    const answer = { status: 200, contentType: "application/json", body: '{"status":"ok","items":[]}' };
    const { failure, url } = await withStub(answer, async (stub) => ({
      failure: await failedDiscovery({ transport: "streamable_http", url: stub.url }),
      url: stub.url,
    }));
    expect(failure).toMatchObject({
      code: "upstream_not_mcp",
      message: `${url} did not answer like an MCP server (its reply is not a JSON-RPC message). Check the URL points at the MCP endpoint (often ending in /mcp) and the transport is right.`,
    });
  });

  it("a stdio command that does not exist was not found", async () => {
    const command = `gatehouse-no-such-command-${uniqueSuffix()}`;
    const failure = await failedDiscovery({ transport: "stdio", command, args: [] });
    expect(failure).toMatchObject({
      code: "upstream_unreachable",
      message: `The command "${command}" was not found on the gateway's host. Check its spelling and that it is installed on the gateway's PATH, or give its full path.`,
    });
  });

  it("a stdio command that exits before initialize is explained with its own stderr", async () => {
    const failure = await failedDiscovery({
      transport: "stdio",
      command: process.execPath,
      args: ["-e", "console.error('MLFLOW_TRACKING_URI is not set'); process.exit(1)"],
    });
    expect(failure).toMatchObject({
      code: "upstream_failed",
      message: `The stdio server exited with code 1 before answering initialize. Its last output: MLFLOW_TRACKING_URI is not set — check its command ("${process.execPath}") and environment (e.g. MLFLOW_TRACKING_URI).`,
    });
  });

  it("a stdio server is refused when the operator has not allowed stdio", async () => {
    const name = `stdio ${uniqueSuffix()}`;
    const input: RegisterServerInput = { name, transport: "stdio", command: process.execPath, args: ["-v"] };
    const { serverId } = await registerServer({
      db,
      secretBox: testSecretBox,
      orgId,
      actor,
      allowStdio: true,
      allowPrivateNetworks: true,
      input,
    });
    const failure = await gatehouseFailure(
      discoverTools({
        db,
        secretBox: testSecretBox,
        orgId,
        serverId,
        allowStdio: false,
        allowPrivateNetworks: true,
        timeoutMs: 5_000,
      }),
    );
    expect(failure).toMatchObject({
      code: "forbidden",
      message:
        "This Gatehouse does not allow stdio servers. An operator can enable them with GATEHOUSE_ALLOW_STDIO=true.",
    });
    const server = await db.mcpServer.findUniqueOrThrow({ where: { id: serverId } });
    expect(server).toMatchObject({ status: "error", lastError: failure.message });
  });
});

describe("credentials sealed under another key", () => {
  it("says the encryption key changed, and records it on the server", async () => {
    const { serverId } = await registerServer({
      db,
      secretBox: createSecretBox(randomBytes(32).toString("base64")),
      orgId,
      actor,
      allowStdio: false,
      allowPrivateNetworks: true,
      input: {
        name: `other key ${uniqueSuffix()}`,
        transport: "streamable_http",
        url: "http://127.0.0.1:9/mcp",
        headers: { Authorization: "Bearer sealed-elsewhere" },
      },
    });
    const failure = await gatehouseFailure(
      discoverTools({
        db,
        secretBox: testSecretBox,
        orgId,
        serverId,
        allowStdio: false,
        allowPrivateNetworks: true,
        timeoutMs: 5_000,
      }),
    );
    expect(failure.code).toBe("misconfigured");
    expect(failure.message).toMatch(
      /^Gatehouse cannot decrypt this server's stored credentials: GATEHOUSE_ENCRYPTION_KEY/,
    );
    const server = await db.mcpServer.findUniqueOrThrow({ where: { id: serverId } });
    expect(server).toMatchObject({ status: "error", lastError: failure.message });
  });
});
