import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { connectUpstream, type UpstreamConnection } from "@gatehouse/core/upstream/connect-upstream";
import type { UpstreamConfig } from "@gatehouse/core/upstream/upstream-config";
import { eventually } from "@gatehouse/testing/eventually";
import { isProcessAlive } from "@gatehouse/testing/process-alive";
import { startEverythingServer } from "@gatehouse/testing/start-everything-server";
import { packagedStdioServer } from "@gatehouse/testing/stdio-test-servers";
import { describe, expect, it } from "vitest";

function connect(config: UpstreamConfig) {
  return connectUpstream(config, { timeoutMs: 15_000, allowStdio: true, allowPrivateNetworks: true });
}

function textOf(result: unknown): string {
  const content = (result as { content?: { type: string; text?: string }[] }).content ?? [];
  return content.map((block) => block.text ?? "").join("\n");
}

/** Runs `use` on a fresh connection, then closes it and checks a stdio server's process is gone. */
async function withConnection(
  config: UpstreamConfig,
  use: (connection: UpstreamConnection) => Promise<void>,
) {
  const connection = await connect(config);
  const pid = connection.pid();
  try {
    await use(connection);
  } finally {
    await connection.client.close();
  }
  if (pid !== undefined) await eventually(async () => expect(isProcessAlive(pid)).toBe(false));
}

async function expectEcho(connection: UpstreamConnection) {
  const { tools } = await connection.client.listTools();
  expect(tools.map((tool) => tool.name)).toContain("echo");
  const result = await connection.client.callTool({ name: "echo", arguments: { message: "through" } });
  expect(textOf(result)).toBe("Echo: through");
}

describe("server-everything in each of its three transports", () => {
  it.each(["streamableHttp", "sse"] as const)("answers over %s", async (mode) => {
    const server = await startEverythingServer(mode);
    try {
      const transport = mode === "sse" ? "sse" : "streamable_http";
      await withConnection({ transport, url: server.url, headers: {} }, expectEcho);
    } finally {
      await server.stop();
    }
  });

  it("answers over stdio, and its process is gone once the connection closes", async () => {
    const config: UpstreamConfig = {
      transport: "stdio",
      env: {},
      ...packagedStdioServer("server-everything", ["stdio"]),
    };
    await withConnection(config, async (connection) => {
      expect(connection.pid()).toEqual(expect.any(Number));
      await expectEcho(connection);
    });
  });
});

describe("other published servers over stdio", () => {
  it("server-memory stores entities and reads its graph back", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "gatehouse-memory-"));
    const config: UpstreamConfig = {
      transport: "stdio",
      ...packagedStdioServer("server-memory"),
      env: { MEMORY_FILE_PATH: path.join(dir, "memory.jsonl") },
    };
    await withConnection(config, async ({ client }) => {
      const entity = { name: "gatehouse", entityType: "project", observations: ["guards MCP servers"] };
      await client.callTool({ name: "create_entities", arguments: { entities: [entity] } });
      const graph = textOf(await client.callTool({ name: "read_graph", arguments: {} }));
      expect(graph).toContain("guards MCP servers");
    });
  });

  it("server-filesystem reads a file inside its allowed directory and refuses one outside", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "gatehouse-files-"));
    await writeFile(path.join(dir, "hello.txt"), "hello from disk");
    const config: UpstreamConfig = {
      transport: "stdio",
      env: {},
      ...packagedStdioServer("server-filesystem", [dir]),
    };
    await withConnection(config, async ({ client }) => {
      const inside = await client.callTool({
        name: "read_text_file",
        arguments: { path: path.join(dir, "hello.txt") },
      });
      expect(textOf(inside)).toBe("hello from disk");
      const outside = await client.callTool({ name: "read_text_file", arguments: { path: "/etc/hostname" } });
      expect(outside.isError).toBe(true);
    });
  });
});
