import { createRequire } from "node:module";
import type { Actor } from "@gatehouse/core/admin-trail/admin-actor";
import { discoverTools } from "@gatehouse/core/catalogue/discover-tools";
import { listTools } from "@gatehouse/core/catalogue/list-tools";
import { hashToolDefinition } from "@gatehouse/core/catalogue/tool-definition-hash";
import { registerServer } from "@gatehouse/core/servers/register-server";
import type { RegisterServerInput } from "@gatehouse/core/servers/register-server-input";
import { createTestAccount } from "@gatehouse/testing/create-test-account";
import { type RunningServer, startEverythingServer } from "@gatehouse/testing/start-everything-server";
import { uniqueSuffix } from "@gatehouse/testing/test-env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ServerConnection, testSecretBox, useTestDb } from "./test-support";

const require = createRequire(import.meta.url);
const db = useTestDb();
let orgId: string;
let actor: Actor;
let upstream: RunningServer;

beforeAll(async () => {
  [{ orgId, actor }, upstream] = await Promise.all([
    createTestAccount(db, "discover"),
    startEverythingServer(),
  ]);
});

afterAll(async () => {
  await upstream?.stop();
});

async function registerAndDiscover(input: ServerConnection, now?: Date) {
  const allowStdio = input.transport === "stdio";
  const named = { ...input, name: `everything ${uniqueSuffix()}` } as RegisterServerInput;
  const { serverId } = await registerServer({
    db,
    secretBox: testSecretBox,
    orgId,
    actor,
    allowStdio,
    allowPrivateNetworks: true,
    input: named,
  });
  const result = await discover(serverId, allowStdio, now);
  return { serverId, result };
}

function discover(serverId: string, allowStdio = false, now?: Date) {
  return discoverTools({
    db,
    secretBox: testSecretBox,
    orgId,
    serverId,
    allowStdio,
    allowPrivateNetworks: true,
    timeoutMs: 10_000,
    ...(now ? { now } : {}),
  });
}

describe("discoverTools against server-everything", () => {
  it("over Streamable HTTP stores every tool with its definition and marks the server connected", async () => {
    const now = new Date("2026-01-02T03:04:05.000Z");
    const { serverId, result } = await registerAndDiscover(
      { transport: "streamable_http", url: upstream.url },
      now,
    );
    const tools = await listTools({ db, orgId, serverId });
    const names = tools.map((tool) => tool.name);
    expect(names).toEqual([...names].sort());
    expect(names).toEqual(expect.arrayContaining(["echo", "get-sum", "get-tiny-image"]));
    expect(result).toEqual({
      toolCount: tools.length,
      changes: { added: expect.arrayContaining(names), changed: [], removed: [], unchanged: 0 },
    });
    expect(result.changes.added).toHaveLength(tools.length);

    const echo = tools.find((tool) => tool.name === "echo");
    expect(echo).toMatchObject({
      title: "Echo Tool",
      description: "Echoes back the input string",
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
      firstSeenAt: now,
      lastSeenAt: now,
      changedAt: null,
      removedAt: null,
    });
    expect(echo?.inputSchema).toMatchObject({
      type: "object",
      properties: { message: { type: "string", description: "Message to echo" } },
      required: ["message"],
    });
    // The stored hash is the hash of the stored definition.
    for (const tool of tools) {
      const { name, inputSchema } = tool;
      const definition = {
        name,
        title: tool.title ?? undefined,
        description: tool.description ?? undefined,
        inputSchema,
        annotations: tool.annotations ?? undefined,
      };
      expect(tool.definitionHash).toBe(hashToolDefinition(definition));
    }

    const server = await db.mcpServer.findUniqueOrThrow({ where: { id: serverId } });
    expect(server).toMatchObject({ status: "connected", lastError: null, discoveredAt: now });
    expect(server.serverName).toMatch(/everything/i);
    expect(server.serverVersion).toBeTruthy();
  });

  it("over stdio discovers the same tools", async () => {
    const entry = require.resolve("@modelcontextprotocol/server-everything/dist/index.js");
    const { serverId, result } = await registerAndDiscover({
      transport: "stdio",
      command: process.execPath,
      args: [entry, "stdio"],
      env: {},
    });
    const names = (await listTools({ db, orgId, serverId })).map((tool) => tool.name);
    expect(names).toEqual(expect.arrayContaining(["echo", "get-sum"]));
    expect(result.toolCount).toBe(names.length);
    const server = await db.mcpServer.findUniqueOrThrow({ where: { id: serverId } });
    expect(server).toMatchObject({ transport: "stdio", status: "connected", lastError: null });
    expect(server.serverName).toMatch(/everything/i);
  });

  it("reports a re-discovery of the same tools as unchanged", async () => {
    const { serverId, result: first } = await registerAndDiscover({
      transport: "streamable_http",
      url: upstream.url,
    });
    const before = await listTools({ db, orgId, serverId });
    const later = new Date(Date.now() + 60_000);
    const second = await discover(serverId, false, later);
    expect(second).toEqual({
      toolCount: first.toolCount,
      changes: { added: [], changed: [], removed: [], unchanged: first.toolCount },
    });
    const after = await listTools({ db, orgId, serverId });
    expect(after.map((t) => [t.id, t.definitionHash, t.changedAt])).toEqual(
      before.map((t) => [t.id, t.definitionHash, null]),
    );
    expect(after.every((t) => t.lastSeenAt.getTime() === later.getTime())).toBe(true);
  });

  it("reports a tool whose definition moved as changed and stamps changedAt", async () => {
    const { serverId } = await registerAndDiscover({ transport: "streamable_http", url: upstream.url });
    await db.tool.updateMany({ where: { serverId, name: "echo" }, data: { definitionHash: "0".repeat(64) } });
    const later = new Date(Date.now() + 60_000);
    const { changes, toolCount } = await discover(serverId, false, later);
    expect(changes).toEqual({ added: [], changed: ["echo"], removed: [], unchanged: toolCount - 1 });
    const echo = await db.tool.findFirstOrThrow({ where: { serverId, name: "echo" } });
    expect(echo.changedAt).toEqual(later);
    expect(echo.definitionHash).not.toBe("0".repeat(64));
    const sum = await db.tool.findFirstOrThrow({ where: { serverId, name: "get-sum" } });
    expect(sum.changedAt).toBeNull();
  });

  it("marks a tool the upstream no longer offers as removed, and lists it last", async () => {
    const { serverId } = await registerAndDiscover({ transport: "streamable_http", url: upstream.url });
    await db.tool.create({
      data: { serverId, name: "aaa-retired-tool", inputSchema: { type: "object" }, definitionHash: "x" },
    });
    const later = new Date(Date.now() + 60_000);
    const { changes, toolCount } = await discover(serverId, false, later);
    expect(changes).toEqual({ added: [], changed: [], removed: ["aaa-retired-tool"], unchanged: toolCount });
    const tools = await listTools({ db, orgId, serverId });
    expect(tools.at(-1)).toMatchObject({ name: "aaa-retired-tool", removedAt: later });
    expect(tools.filter((t) => t.removedAt !== null)).toHaveLength(1);

    // Already removed: a further discovery does not report it again.
    const again = await discover(serverId, false, new Date(later.getTime() + 1000));
    expect(again.changes.removed).toEqual([]);
    const retired = await db.tool.findFirstOrThrow({ where: { serverId, name: "aaa-retired-tool" } });
    expect(retired.removedAt).toEqual(later);
  });
});
