import type { MachineInfo } from "../machine";
import type { IngestResult } from "./measure-ingest";
import type { ListQueryResult } from "./measure-list-queries";
import type { SeedOutcome } from "./seed-audit-log";

/** Everything one audit run measured; written as results/audit-latest.json and rendered as audit-latest.md. */
export type AuditBenchReport = {
  startedAt: string;
  durationSeconds: number;
  machine: MachineInfo;
  /** 1, 5 and 15 minute load averages: anything else running on the machine shows here. */
  loadAverage: { atStart: number[]; atEnd: number[] };
  seed: SeedOutcome & { tableBytes: number; indexBytes: number };
  ingest?: IngestResult;
  queries?: { runs: number; results: ListQueryResult[] };
};

// The audit issue's targets for this machine.
export const INGEST_TARGET_EVENTS_PER_SECOND = 5000;
export const QUERY_TARGET_P95_MS = 100;
