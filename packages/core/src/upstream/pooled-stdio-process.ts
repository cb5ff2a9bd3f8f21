import type { InitializeResult, JSONRPCMessage, RequestId } from "@modelcontextprotocol/sdk/types.js";
import { ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js";
import type { GatehouseError } from "../errors/gatehouse-error";
import type { Logger } from "../logging/create-logger";
import { connectUpstream, type UpstreamConnection } from "./connect-upstream";
import { describeConnectError } from "./describe-connect-error";
import { LeaseTransport } from "./lease-transport";
import { PooledMessageRouter } from "./pooled-message-router";
import { StdioProcessTransport } from "./stdio-process-transport";
import type { UpstreamConfig } from "./upstream-config";

/** A change in a pooled server's health, for its status on the dashboard. */
export type UpstreamHealth = { status: "connected" | "error"; lastError: string | null };

/** How a pooled process is started and watched. */
export type PooledProcessOptions = {
  config: Extract<UpstreamConfig, { transport: "stdio" }>;
  serverId: string;
  timeoutMs: number;
  logger?: Logger;
  onHealth: (health: UpstreamHealth) => void;
  /** Called when the last session lets go, so the pool can stop the process after a while. */
  onIdle: () => void;
};

// Restarts wait 0.5 s, 1 s, 2 s … up to 30 s; a process that ran a minute starts the count again.
const RESTART_BASE_MS = 500;
const RESTART_MAX_MS = 30_000;
const STABLE_UPTIME_MS = 60_000;

/**
 * One stdio server shared by the sessions of a server: started once, restarted
 * with backoff when it crashes (sessions keep their lease; requests wait for the
 * restart), and stopped when the pool closes it.
 */
export class PooledStdioProcess {
  private readonly router = new PooledMessageRouter();
  private connection?: UpstreamConnection;
  private transport?: StdioProcessTransport;
  private initializeResult?: InitializeResult;
  private ready: Promise<void>;
  private attempt = 0;
  private startedAtMs = 0;
  private restartTimer?: NodeJS.Timeout;
  private isClosed = false;

  constructor(private readonly options: PooledProcessOptions) {
    this.ready = this.start();
    this.ready.catch(() => undefined);
  }

  /** Resolves once the first start succeeded; rejects with why it did not. */
  get started(): Promise<void> {
    return this.ready;
  }

  get pid(): number | undefined {
    return this.transport?.pid;
  }

  get leaseCount(): number {
    return this.router.members.size;
  }

  /** A new session's share of the process. */
  lease(): LeaseTransport {
    const lease = new LeaseTransport({
      send: (from, message) => this.send(from, message),
      release: (from) => this.release(from),
    });
    this.router.members.add(lease);
    return lease;
  }

  /** Explains a failed request with how the process last ended and what it printed. */
  describeError(error: unknown): GatehouseError {
    if (this.connection) return this.connection.describeError(error);
    return describeConnectError(error, { config: this.options.config, during: "initialize" });
  }

  /** Ends every lease and stops the process. */
  async close(): Promise<void> {
    this.isClosed = true;
    clearTimeout(this.restartTimer);
    await Promise.all([...this.router.members].map((lease) => lease.close()));
    await this.transport?.close();
  }

  private async start(): Promise<void> {
    const { config, serverId, timeoutMs, logger } = this.options;
    const connection = await connectUpstream(config, {
      timeoutMs,
      allowStdio: true,
      allowPrivateNetworks: false,
      logger,
      serverId,
    });
    const transport = connection.client.transport;
    if (!(transport instanceof StdioProcessTransport))
      throw new Error("A pooled server must be a stdio server.");
    this.connection = connection;
    this.transport = transport;
    this.startedAtMs = Date.now();
    this.initializeResult = {
      protocolVersion: transport.protocolVersion ?? "",
      capabilities: connection.client.getServerCapabilities() ?? {},
      serverInfo: connection.client.getServerVersion() ?? { name: "unknown", version: "" },
      instructions: connection.client.getInstructions(),
    };
    // From here on the pool speaks for the sessions; the SDK client only ran the handshake.
    transport.onmessage = (message) => this.receive(message);
    transport.onclose = () => this.crashed(transport);
    transport.onerror = (error) =>
      logger?.warn({ err: error, serverId, pid: transport.pid }, "pooled stdio server error");
  }

  private async send(lease: LeaseTransport, message: JSONRPCMessage): Promise<void> {
    if ("method" in message && message.method === "initialize" && "id" in message) {
      // Every session gets the answer the server gave when the pool initialized it.
      await this.ready.catch(() => undefined);
      if (this.initializeResult)
        return lease.deliver({ jsonrpc: "2.0", id: message.id, result: this.initializeResult });
    }
    try {
      await this.ready;
    } catch (error) {
      if ("id" in message && "method" in message) lease.deliver(failure(message.id, this.describe(error)));
      return;
    }
    const routed = this.router.fromLease(lease, message);
    if (routed) await this.transport?.send(routed);
  }

  private receive(message: JSONRPCMessage): void {
    const route = this.router.fromServer(message);
    if ("refuse" in route) {
      this.options.logger?.warn(
        { serverId: this.options.serverId },
        "pooled stdio server request could not be routed",
      );
      void this.transport?.send(route.refuse).catch(() => undefined);
      return;
    }
    for (const lease of route.to) lease.deliver(route.message);
  }

  private release(lease: LeaseTransport): void {
    this.router.remove(lease);
    if (!this.router.members.size) this.options.onIdle();
  }

  private crashed(transport: StdioProcessTransport): void {
    if (this.isClosed) return;
    const reason = this.describe(new McpError(ErrorCode.ConnectionClosed, "Connection closed"));
    for (const origin of this.router.takeInFlight()) origin.lease.deliver(failure(origin.id, reason));
    if (Date.now() - this.startedAtMs > STABLE_UPTIME_MS) this.attempt = 0;
    this.options.logger?.error(
      { serverId: this.options.serverId, pid: transport.pid, exit: transport.exit },
      "pooled stdio server exited",
    );
    this.scheduleRestart(reason);
  }

  // Until the restart succeeds, sessions' requests wait on `ready`; if it fails they are told why.
  private scheduleRestart(reason: string): void {
    const { serverId, logger, onHealth } = this.options;
    const delayMs = Math.min(RESTART_BASE_MS * 2 ** this.attempt, RESTART_MAX_MS);
    this.attempt++;
    logger?.warn({ serverId, attempt: this.attempt, delayMs }, "restarting pooled stdio server");
    onHealth({
      status: "error",
      lastError: `${reason} Gatehouse restarts it (attempt ${this.attempt}, in ${delayMs / 1000} s).`,
    });
    this.ready = new Promise((resolve, reject) => {
      this.restartTimer = setTimeout(() => this.start().then(resolve, reject), delayMs);
    });
    this.ready.then(
      () => {
        logger?.info({ serverId, pid: this.pid, attempt: this.attempt }, "pooled stdio server restarted");
        onHealth({ status: "connected", lastError: null });
      },
      (error: unknown) => {
        if (!this.isClosed) this.scheduleRestart(this.describe(error));
      },
    );
  }

  private describe(error: unknown): string {
    return this.describeError(error).publicMessage;
  }
}

function failure(id: RequestId, message: string): JSONRPCMessage {
  return {
    jsonrpc: "2.0",
    id,
    error: { code: ErrorCode.ConnectionClosed, message: `Gatehouse: ${message}` },
  };
}
