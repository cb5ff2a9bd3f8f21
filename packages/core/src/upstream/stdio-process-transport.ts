import { type ChildProcess, spawn } from "node:child_process";
import { getDefaultEnvironment } from "@modelcontextprotocol/sdk/client/stdio.js";
import { ReadBuffer, serializeMessage } from "@modelcontextprotocol/sdk/shared/stdio.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import type { JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";

/** How a stdio server's process ended: an exit code, or the signal that stopped it. */
export type ProcessExit = { code: number | null; signal: NodeJS.Signals | null };

// How long a server gets to exit after its stdin closes, then after SIGTERM, before SIGKILL.
const STOP_GRACE_MS = 2_000;

/**
 * Client transport to a stdio MCP server. Unlike the SDK's, it records how the
 * process ended (to explain a server that dies before `initialize`) and runs the
 * server in its own process group, so stopping it also stops whatever it started
 * (`npx` and `uvx` run the real server as a grandchild).
 */
export class StdioProcessTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;
  private child?: ChildProcess;
  private readonly buffer = new ReadBuffer();
  private ended: ProcessExit | null = null;
  /** The protocol version the server agreed to in `initialize` (set by the SDK client). */
  protocolVersion?: string;

  constructor(
    private readonly server: {
      command: string;
      args: string[];
      env: Record<string, string>;
      onStderr: (chunk: Buffer) => void;
    },
  ) {}

  /** The server's process id once started. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** How the process ended, or null while it runs (or before it started). */
  get exit(): ProcessExit | null {
    return this.ended;
  }

  setProtocolVersion(version: string): void {
    this.protocolVersion = version;
  }

  start(): Promise<void> {
    if (this.child) throw new Error("This stdio transport was already started.");
    return new Promise((resolve, reject) => {
      const child = spawn(this.server.command, this.server.args, {
        // Only the SDK's short list of safe variables is inherited (PATH, HOME…), never the gateway's
        // own env. The cast is for packages whose types make NODE_ENV a required variable.
        env: { ...getDefaultEnvironment(), ...this.server.env } as NodeJS.ProcessEnv,
        stdio: ["pipe", "pipe", "pipe"],
        detached: true,
        shell: false,
      });
      this.child = child;
      let isSpawned = false;
      child.once("spawn", () => {
        isSpawned = true;
        resolve();
      });
      child.once("error", (error) => (isSpawned ? this.onerror?.(error) : reject(error)));
      child.once("close", (code, signal) => {
        this.ended = { code, signal };
        if (isSpawned) this.onclose?.();
      });
      child.stdin?.on("error", (error) => this.onerror?.(error));
      child.stderr?.on("data", (chunk: Buffer) => this.server.onStderr(chunk));
      child.stdout?.on("data", (chunk: Buffer) => this.read(chunk));
    });
  }

  async send(message: JSONRPCMessage): Promise<void> {
    const stdin = this.child?.stdin;
    if (!stdin || this.ended || stdin.writableEnded) throw new Error("The stdio server is not running.");
    if (!stdin.write(serializeMessage(message))) {
      await new Promise<void>((resolve) => stdin.once("drain", () => resolve()));
    }
  }

  /** Closes the server's stdin, then stops its process group: SIGTERM, and SIGKILL if it lingers. */
  async close(): Promise<void> {
    const child = this.child;
    if (!child?.pid) return;
    const closed = this.ended
      ? Promise.resolve()
      : new Promise<void>((resolve) => child.once("close", () => resolve()));
    child.stdin?.end();
    if (!(await settlesWithin(closed, STOP_GRACE_MS))) {
      signalGroup(child.pid, "SIGTERM");
      if (!(await settlesWithin(closed, STOP_GRACE_MS))) signalGroup(child.pid, "SIGKILL");
    }
    // Whatever the server started may outlive it; the group still names those processes.
    signalGroup(child.pid, "SIGTERM");
    this.buffer.clear();
  }

  private read(chunk: Buffer): void {
    try {
      this.buffer.append(chunk);
    } catch (error) {
      // An endless line (over the SDK's 10 MB) cannot be a message; the server is stopped.
      this.onerror?.(error as Error);
      void this.close();
      return;
    }
    for (;;) {
      let message: JSONRPCMessage | null;
      try {
        message = this.buffer.readMessage();
      } catch (error) {
        // A line that is not JSON-RPC (a stray print to stdout) is reported and skipped.
        this.onerror?.(error as Error);
        continue;
      }
      if (!message) return;
      this.onmessage?.(message);
    }
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

function settlesWithin(promise: Promise<void>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    timer.unref();
    promise.then(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}
