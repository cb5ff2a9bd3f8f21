import type { LatencySummary } from "../stats";

/** Where a load client connects: an MCP endpoint URL (a grant's proxy URL carries its token). */
export type Target = { url: string };

/** What each call of a cell does, and what a correct answer looks like. */
export type Operation =
  | { kind: "call"; tool: string; args: Record<string, unknown>; expect: "ok" | "denied" }
  | { kind: "list" };

export type CellSpec = {
  target: Target;
  operation: Operation;
  concurrency: number;
  warmupMs: number;
  durationMs: number;
};

export type CellResult = LatencySummary & {
  /** Calls that started inside the measured window and answered as expected. */
  calls: number;
  /** Calls completed inside the measured window, per second. */
  callsPerSecond: number;
  /** Calls in the measured window that failed or answered unexpectedly. */
  errors: number;
  firstError?: string;
};

/** Messages from the benchmark to the load process; each carries an id the reply echoes. */
export type LoadRequest =
  | { id: number; kind: "cell"; spec: CellSpec }
  | { id: number; kind: "open-sessions"; target: Target; count: number }
  | { id: number; kind: "close-sessions" };

export type LoadReply =
  | { id: number; ok: true; result: CellResult }
  | { id: number; ok: true; opened: number; failed: number; firstError?: string }
  | { id: number; ok: true; closed: number }
  | { id: number; ok: false; error: string };
