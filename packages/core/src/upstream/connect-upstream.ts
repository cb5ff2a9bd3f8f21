import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import type { ClientCapabilities } from "@modelcontextprotocol/sdk/types.js";
import { GatehouseError } from "../errors/gatehouse-error";
import type { Logger } from "../logging/create-logger";
import { checkDestination } from "../network/check-destination";
import type { NetworkPolicy } from "../network/classify-address";
import { createGuardedFetch, type FetchLike } from "../network/guarded-fetch";
import type { UpstreamAuthorization } from "../upstream-auth/upstream-authorization";
import { createStdioTransport } from "./create-stdio-transport";
import { describeConnectError, type ProcessReport } from "./describe-connect-error";
import type { UpstreamConfig } from "./upstream-config";

export const GATEHOUSE_CLIENT_INFO = { name: "gatehouse", version: "0.1.0" };

export type UpstreamConnection = {
  client: Client;
  /** The stdio server's process id; undefined for HTTP upstreams. */
  pid: () => number | undefined;
  /** Explains why a request on this connection failed, e.g. with how the stdio server exited. */
  describeError: (error: unknown) => GatehouseError;
};

/**
 * Which upstream connections log as, and how long `initialize` may take. `authorization`, for a
 * server that uses OAuth, sets each HTTP request's Authorization header.
 */
export type ConnectOptions = {
  timeoutMs: number;
  allowStdio: boolean;
  logger?: Logger;
  serverId?: string;
  authorization?: UpstreamAuthorization;
  /** What the gateway declares upstream on behalf of an agent; none by default. */
  capabilities?: ClientCapabilities;
} & NetworkPolicy;

/**
 * Connects an MCP SDK client to an upstream and runs `initialize`. Throws a
 * GatehouseError that says why when the server cannot be reached, is not MCP, or is at
 * an address the network policy blocks. `capabilities` are what the gateway declares upstream
 * (on behalf of an agent); none by default.
 */
export async function connectUpstream(
  config: UpstreamConfig,
  options: ConnectOptions,
): Promise<UpstreamConnection> {
  const { transport, report, pid } = createTransport(config, options);
  const client = new Client(GATEHOUSE_CLIENT_INFO, { capabilities: options.capabilities ?? {} });
  const describe = (error: unknown, during: "initialize" | "session") =>
    describeConnectError(error, { config, timeoutMs: options.timeoutMs, during, ...report() });
  try {
    // Checked first so a blocked address is explained the same way for both transports; the
    // guarded fetch still checks every connection, in case DNS answers differently next time.
    if (config.transport !== "stdio") await refuseBlockedDestination(config.url, options);
    await client.connect(transport, { timeout: options.timeoutMs });
  } catch (error) {
    await client.close().catch(() => undefined);
    throw describe(error, "initialize");
  }
  return { client, pid, describeError: (error) => describe(error, "session") };
}

async function refuseBlockedDestination(url: string, policy: NetworkPolicy): Promise<void> {
  const reason = await checkDestination(new URL(url), policy);
  if (reason) throw new GatehouseError("upstream_unreachable", reason);
}

function createTransport(
  config: UpstreamConfig,
  options: ConnectOptions,
): { transport: Transport; report: () => ProcessReport; pid: () => number | undefined } {
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
    return { transport, report: () => ({}), pid: () => undefined };
  }
  if (!options.allowStdio) throw describeConnectError(new Error("stdio disabled"), { config });
  const { transport, stderr } = createStdioTransport(config, options);
  return {
    transport,
    report: () => ({ stderr: stderr(), exit: transport.exit }),
    pid: () => transport.pid,
  };
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
