import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";
import { getDefaultEnvironment, StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import { GatehouseError } from "../errors/gatehouse-error";
import { checkDestination } from "../network/check-destination";
import type { NetworkPolicy } from "../network/classify-address";
import { createGuardedFetch, type FetchLike } from "../network/guarded-fetch";
import type { UpstreamAuthorization } from "../upstream-auth/upstream-authorization";
import { describeConnectError } from "./describe-connect-error";
import type { UpstreamConfig } from "./upstream-config";

export const GATEHOUSE_CLIENT_INFO = { name: "gatehouse", version: "0.1.0" };

export type UpstreamConnection = { client: Client; stderr: () => string };

/** How to connect: `authorization`, for a server that uses OAuth, sets each HTTP request's Authorization header. */
type ConnectOptions = {
  timeoutMs: number;
  allowStdio: boolean;
  authorization?: UpstreamAuthorization;
} & NetworkPolicy;

// Kept so a stdio server that dies before `initialize` can be explained with its own words.
const STDERR_TAIL_CHARS = 2000;

/**
 * Connects an MCP SDK client to an upstream and runs `initialize`. Throws a
 * GatehouseError that says why when the server cannot be reached, is not MCP, or is at
 * an address the network policy blocks.
 */
export async function connectUpstream(
  config: UpstreamConfig,
  options: ConnectOptions,
): Promise<UpstreamConnection> {
  const { transport, stderr } = createTransport(config, options);
  const client = new Client(GATEHOUSE_CLIENT_INFO, { capabilities: {} });
  try {
    // Checked first so a blocked address is explained the same way for both transports; the
    // guarded fetch still checks every connection, in case DNS answers differently next time.
    if (config.transport !== "stdio") await refuseBlockedDestination(config.url, options);
    await client.connect(transport, { timeout: options.timeoutMs });
    return { client, stderr };
  } catch (error) {
    await client.close().catch(() => undefined);
    throw describeConnectError(error, { config, stderr: stderr() });
  }
}

async function refuseBlockedDestination(url: string, policy: NetworkPolicy): Promise<void> {
  const reason = await checkDestination(new URL(url), policy);
  if (reason) throw new GatehouseError("upstream_unreachable", reason);
}

function createTransport(
  config: UpstreamConfig,
  options: Omit<ConnectOptions, "timeoutMs">,
): { transport: Transport; stderr: () => string } {
  if (config.transport !== "stdio") {
    const url = new URL(config.url);
    const requestInit = { headers: config.headers };
    const guardedFetch = withAuthorization(createGuardedFetch(options), options.authorization);
    const transport =
      config.transport === "sse"
        ? new SSEClientTransport(url, {
            requestInit,
            fetch: guardedFetch,
            eventSourceInit: { fetch: withHeaders(guardedFetch, config.headers) },
          })
        : new StreamableHTTPClientTransport(url, { requestInit, fetch: guardedFetch });
    return { transport, stderr: () => "" };
  }
  if (!options.allowStdio) {
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
function withHeaders(baseFetch: FetchLike, headers: Record<string, string>): typeof fetch {
  return (input, init) => {
    const merged = new Headers(init?.headers);
    for (const [name, value] of Object.entries(headers)) merged.set(name, value);
    return baseFetch(input instanceof Request ? input.url : input, { ...init, headers: merged });
  };
}

// Asked per request rather than once, so a token refreshed during a long session is used; a
// 401 gets one retry with a refreshed token. The SDK sends bodies as strings, so one can be resent.
function withAuthorization(
  baseFetch: FetchLike,
  authorization: UpstreamAuthorization | undefined,
): FetchLike {
  if (!authorization) return baseFetch;
  return async (input, init) => {
    const send = async (afterRejection: boolean) => {
      const headers = new Headers(init?.headers);
      headers.set("authorization", await authorization({ afterRejection }));
      return baseFetch(input, { ...init, headers });
    };
    const response = await send(false);
    if (response.status !== 401) return response;
    await response.body?.cancel().catch(() => undefined);
    return send(true);
  };
}
