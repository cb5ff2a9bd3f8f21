import { parseArgs } from "node:util";

export type AuditBenchOptions = {
  /** Seeded events (the table holds exactly this many before the ingest run). */
  events: number;
  /** Replaces the seed even when the table already holds `events`. */
  reseed: boolean;
  /** Events sent through the queue and the worker in the ingest run. */
  ingestEvents: number;
  /** Events per queued job (the job schema allows up to 1000). */
  batchSize: number;
  /** WORKER_AUDIT_CONCURRENCY for the worker (4, its default, unless given). */
  workerConcurrency: number;
  /** Measured runs per list query (after warm-up). */
  runs: number;
  /** Runs only one of the two measurements. */
  only: "ingest" | "queries" | undefined;
};

const USAGE =
  "npm run bench:audit -- [--events 10000000] [--reseed] [--ingest-events 200000] [--batch-size 1000] [--worker-concurrency 4] [--runs 50] [--only ingest|queries]";

/** Parses the audit benchmark's flags; a bad value stops it naming the flag. */
export function parseAuditBenchOptions(argv: string[]): AuditBenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      events: { type: "string", default: "10000000" },
      reseed: { type: "boolean", default: false },
      "ingest-events": { type: "string", default: "200000" },
      "batch-size": { type: "string", default: "1000" },
      "worker-concurrency": { type: "string", default: "4" },
      runs: { type: "string", default: "50" },
      only: { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const only = values.only;
  if (only !== undefined && only !== "ingest" && only !== "queries")
    throw new Error(`--only expects "ingest" or "queries", got "${only}".\n${USAGE}`);
  return {
    events: wholeNumber("--events", values.events, 1000, 100_000_000),
    reseed: values.reseed,
    ingestEvents: wholeNumber("--ingest-events", values["ingest-events"], 1, 10_000_000),
    batchSize: wholeNumber("--batch-size", values["batch-size"], 1, 1000),
    workerConcurrency: wholeNumber("--worker-concurrency", values["worker-concurrency"], 1, 64),
    runs: wholeNumber("--runs", values.runs, 1, 10_000),
    only,
  };
}

function wholeNumber(flag: string, text: string, min: number, max: number): number {
  const value = Number(text.replaceAll("_", ""));
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`${flag} expects a whole number from ${min} to ${max}, got "${text}".\n${USAGE}`);
  return value;
}
