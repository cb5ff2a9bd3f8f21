import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { summariseLatencies } from "../stats";
import { closeClients, connectClients } from "./connect-client";
import { createOperation } from "./operations";
import type { CellResult, CellSpec } from "./protocol";

type Window = { measureFromMs: number; endMs: number };
type Tally = { latenciesMs: number[]; completedInWindow: number; errors: number; firstError?: string };

/**
 * One cell: `concurrency` sessions each call in a closed loop (next call when the last answers)
 * through warm-up and the measured window. Latency counts calls started in the window;
 * throughput counts calls completed in it.
 */
export async function runCell(spec: CellSpec): Promise<CellResult> {
  const { clients, failed, firstError } = await connectClients(spec.target, spec.concurrency);
  try {
    if (failed > 0) throw new Error(`${failed} of ${spec.concurrency} sessions did not open: ${firstError}`);
    const operation = createOperation(spec.operation);
    const startMs = performance.now();
    const window = {
      measureFromMs: startMs + spec.warmupMs,
      endMs: startMs + spec.warmupMs + spec.durationMs,
    };
    const tally: Tally = { latenciesMs: [], completedInWindow: 0, errors: 0 };
    await Promise.all(clients.map(({ client }) => callUntil(client, operation, window, tally)));
    return {
      ...summariseLatencies(tally.latenciesMs),
      calls: tally.latenciesMs.length,
      callsPerSecond: tally.completedInWindow / (spec.durationMs / 1000),
      errors: tally.errors,
      ...(tally.firstError ? { firstError: tally.firstError } : {}),
    };
  } finally {
    await closeClients(clients);
  }
}

async function callUntil(
  client: Client,
  operation: (client: Client) => Promise<void>,
  window: Window,
  tally: Tally,
): Promise<void> {
  while (performance.now() < window.endMs) {
    const startedMs = performance.now();
    let error: unknown;
    try {
      await operation(client);
    } catch (caught) {
      error = caught ?? new Error("unknown failure");
    }
    const endedMs = performance.now();
    const isInWindow = endedMs >= window.measureFromMs && endedMs <= window.endMs;
    if (isInWindow && error === undefined) tally.completedInWindow++;
    if (startedMs < window.measureFromMs) continue;
    if (error === undefined) tally.latenciesMs.push(endedMs - startedMs);
    else {
      tally.errors++;
      tally.firstError ??= error instanceof Error ? error.message : String(error);
    }
  }
}
