import type { CellResult } from "./load/protocol";
import { CONCURRENCIES, type Scenario } from "./scenarios";
import type { LoadDriver } from "./services/load-driver";

export type CellRecord = CellResult & {
  scenarioId: string;
  upstream: Scenario["upstream"];
  path: Scenario["path"];
  label: string;
  concurrency: number;
  /** Against the scenario's direct row at the same concurrency. */
  addedP50Ms?: number;
  addedP99Ms?: number;
  throughputRatio?: number;
};

/**
 * Measures every scenario at every concurrency. Concurrency is the outer loop, so the rows
 * compared with each other are measured minutes apart at most, not the whole run apart.
 */
export async function runMatrix(options: {
  load: LoadDriver;
  scenarios: Scenario[];
  warmupMs: number;
  durationMs: number;
}): Promise<CellRecord[]> {
  const records: CellRecord[] = [];
  const total = options.scenarios.length * CONCURRENCIES.length;
  for (const concurrency of CONCURRENCIES) {
    for (const scenario of options.scenarios) {
      const result = await options.load.runCell({
        target: { url: scenario.url },
        operation: scenario.operation,
        concurrency,
        warmupMs: options.warmupMs,
        durationMs: options.durationMs,
      });
      const { id: scenarioId, upstream, path, label } = scenario;
      records.push({ scenarioId, upstream, path, label, concurrency, ...result });
      console.log(`  [${records.length}/${total}] c=${concurrency} ${scenarioId}: ${describeCell(result)}`);
    }
  }
  return compareWithDirect(records, options.scenarios);
}

function describeCell(result: CellResult): string {
  const errors = result.errors ? `, ${result.errors} errors (${result.firstError})` : "";
  return `p50 ${result.p50Ms.toFixed(2)} ms, p99 ${result.p99Ms.toFixed(2)} ms, ${Math.round(result.callsPerSecond)} calls/s${errors}`;
}

function compareWithDirect(records: CellRecord[], scenarios: Scenario[]): CellRecord[] {
  const directOf = new Map(scenarios.map((scenario) => [scenario.id, scenario.directId]));
  return records.map((record) => {
    const directId = directOf.get(record.scenarioId);
    const direct = records.find(
      (other) => other.scenarioId === directId && other.concurrency === record.concurrency,
    );
    if (!direct) return record;
    return {
      ...record,
      addedP50Ms: record.p50Ms - direct.p50Ms,
      addedP99Ms: record.p99Ms - direct.p99Ms,
      throughputRatio: direct.callsPerSecond > 0 ? record.callsPerSecond / direct.callsPerSecond : 0,
    };
  });
}
