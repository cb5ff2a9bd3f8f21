import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { startMlflowDemoServer } from "../src/start-http";

export type TransportName = "stdio" | "http";
export type ConnectedClient = { client: Client; close: () => Promise<void> };

/** The bin script, run exactly as Gatehouse registers it: command `node`, args [<this path>]. */
export const BIN_PATH = fileURLToPath(new URL("../bin/mlflow-demo-server.mjs", import.meta.url));

/** Starts a fresh server (own in-memory store) and connects the real SDK client to it. */
export async function connectClient(transport: TransportName): Promise<ConnectedClient> {
  const client = new Client({ name: "mlflow-demo-server-test", version: "1.0.0" });
  if (transport === "stdio") {
    await client.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: [BIN_PATH],
        env: { MLFLOW_TRACKING_URI: "memory://test" },
        stderr: "ignore",
      }),
    );
    return { client, close: () => client.close() };
  }
  const server = await startMlflowDemoServer({ port: 0, trackingUri: "memory://test" });
  await client.connect(new StreamableHTTPClientTransport(new URL(server.url)));
  return {
    client,
    close: async () => {
      await client.close();
      await server.stop();
    },
  };
}

/** Parses the single JSON text block a dict-returning tool answers with. */
export function parseText(result: { content?: unknown }): unknown {
  const [block] = (result.content ?? []) as { type: string; text: string }[];
  if (block?.type !== "text")
    throw new Error(`expected one text block, got ${JSON.stringify(result.content)}`);
  return JSON.parse(block.text);
}
