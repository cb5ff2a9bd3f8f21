import { createHash } from "node:crypto";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { ClientCapabilities } from "@modelcontextprotocol/sdk/types.js";
import type { Logger } from "../logging/create-logger";
import { GATEHOUSE_CLIENT_INFO, type UpstreamConnection } from "./connect-upstream";
import { PooledStdioProcess, type UpstreamHealth } from "./pooled-stdio-process";
import type { UpstreamConfig } from "./upstream-config";

/** A pooled server, and the health change to record on it. */
export type PooledServerHealth = UpstreamHealth & { orgId: string; serverId: string };

/**
 * Shares one stdio process between the sessions of a server (for servers the
 * operator chose to pool). A server whose command, args or env changed gets a new
 * process; the old one serves its sessions until they end. A process nobody uses
 * for `idleMs` is stopped, and `close` stops them all.
 */
export class StdioPool {
  private readonly processes = new Map<string, { process: PooledStdioProcess; idleTimer?: NodeJS.Timeout }>();

  constructor(
    private readonly options: {
      idleMs: number;
      logger?: Logger;
      onHealth: (health: PooledServerHealth) => void;
    },
  ) {}

  /** Connects a session's own SDK client to the server's shared process, starting it if needed. */
  async acquire(request: {
    orgId: string;
    serverId: string;
    config: Extract<UpstreamConfig, { transport: "stdio" }>;
    timeoutMs: number;
    /** The session's agent's capabilities, so its client accepts the requests relayed to it. */
    capabilities?: ClientCapabilities;
  }): Promise<UpstreamConnection> {
    const key = `${request.serverId}:${fingerprint(request.config)}`;
    const entry = this.processes.get(key) ?? this.spawn(key, request);
    clearTimeout(entry.idleTimer);
    try {
      await entry.process.started;
    } catch (error) {
      // A process that never started is not kept: the next session tries afresh.
      if (this.processes.get(key) === entry) this.processes.delete(key);
      throw entry.process.describeError(error);
    }
    const client = new Client(GATEHOUSE_CLIENT_INFO, { capabilities: request.capabilities ?? {} });
    await client.connect(entry.process.lease(), { timeout: request.timeoutMs });
    return {
      client,
      pid: () => entry.process.pid,
      describeError: (error) => entry.process.describeError(error),
    };
  }

  /** Stops every pooled process (on proxy shutdown); their sessions' clients are closed. */
  async close(): Promise<void> {
    const entries = [...this.processes.values()];
    this.processes.clear();
    await Promise.all(
      entries.map((entry) => {
        clearTimeout(entry.idleTimer);
        return entry.process.close();
      }),
    );
  }

  private spawn(key: string, request: Parameters<StdioPool["acquire"]>[0]) {
    const { orgId, serverId } = request;
    const entry: { process: PooledStdioProcess; idleTimer?: NodeJS.Timeout } = {
      process: new PooledStdioProcess({
        config: request.config,
        serverId,
        timeoutMs: request.timeoutMs,
        logger: this.options.logger,
        onHealth: (health) => this.options.onHealth({ ...health, orgId, serverId }),
        onIdle: () => {
          entry.idleTimer = setTimeout(() => this.stopIdle(key, entry.process), this.options.idleMs);
          entry.idleTimer.unref();
        },
      }),
    };
    this.processes.set(key, entry);
    return entry;
  }

  private stopIdle(key: string, process: PooledStdioProcess): void {
    if (process.leaseCount || this.processes.get(key)?.process !== process) return;
    this.processes.delete(key);
    void process.close();
  }
}

// Secrets never sit in a key in the clear: the env is part of what a process was started with.
function fingerprint(config: UpstreamConfig): string {
  return createHash("sha256").update(JSON.stringify(config)).digest("hex");
}
