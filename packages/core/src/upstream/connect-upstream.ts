import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";
import { getDefaultEnvironment, StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import { describeConnectError } from "./describe-connect-error";
import type { UpstreamConfig } from "./upstream-config";

export const GATEHOUSE_CLIENT_INFO = { name: "gatehouse", version: "0.1.0" };

export type UpstreamConnection = { client: Client; stderr: () => string };

// Kept so a stdio server that dies before `initialize` can be explained with its own words.
const STDERR_TAIL_CHARS = 2000;

/**
 * Connects an MCP SDK client to an upstream and runs `initialize`. Throws a
 * GatehouseError that says why when the server cannot be reached or is not MCP.
 */
export async function connectUpstream(
  config: UpstreamConfig,
  options: { timeoutMs: number; allowStdio: boolean },
): Promise<UpstreamConnection> {
  const { transport, stderr } = createTransport(config, options.allowStdio);
  const client = new Client(GATEHOUSE_CLIENT_INFO, { capabilities: {} });
  try {
    await client.connect(transport, { timeout: options.timeoutMs });
    return { client, stderr };
  } catch (error) {
    await client.close().catch(() => undefined);
    throw describeConnectError(error, { config, stderr: stderr() });
  }
}

function createTransport(
  config: UpstreamConfig,
  allowStdio: boolean,
): { transport: Transport; stderr: () => string } {
  if (config.transport !== "stdio") {
    const url = new URL(config.url);
    const requestInit = { headers: config.headers };
    const transport =
      config.transport === "sse"
        ? new SSEClientTransport(url, {
            requestInit,
            eventSourceInit: { fetch: withHeaders(config.headers) },
          })
        : new StreamableHTTPClientTransport(url, { requestInit });
    return { transport, stderr: () => "" };
  }
  if (!allowStdio) {
    throw describeConnectError(new Error("stdio disabled"), { config, stderr: "" });
  }
  const transport = new StdioClientTransport({
    command: config.command,
    args: config.args,
    env: { ...getDefaultEnvironment(), ...config.env },
    stderr: "pipe",
  });
  let tail = "";
  transport.stderr?.on("data", (chunk: Buffer) => {
    tail = (tail + chunk.toString("utf8")).slice(-STDERR_TAIL_CHARS);
  });
  return { transport, stderr: () => tail };
}

// The SSE transport's GET stream does not use requestInit, so its headers are added here.
function withHeaders(headers: Record<string, string>): typeof fetch {
  return (input, init) => {
    const merged = new Headers(init?.headers);
    for (const [name, value] of Object.entries(headers)) merged.set(name, value);
    return fetch(input, { ...init, headers: merged });
  };
}
