// `npm run bench:audit`: seeds the audit log at scale (once; reused afterwards), then measures
// ingest through the queue and the real worker, and the dashboard's audit list query.
// The "Audit at scale" section of README.md says what each figure means.
import { loadavg } from "node:os";
import { createDb } from "@gatehouse/db/client";
import { applyMigrations } from "@gatehouse/db/migrate/apply-migrations";
import { ensureDatabase } from "@gatehouse/db/migrate/ensure-database";
import { AUDIT_BENCH_DATABASE_URL } from "../bench-env";
import { describeMachine, formatMachine } from "../machine";
import { step } from "../progress";
import { writeResults } from "../report/write-report";
import { MIGRATIONS_DIR } from "../services/paths";
import { parseAuditBenchOptions } from "./audit-options";
import type { AuditBenchReport } from "./audit-report";
import { formatAuditReport } from "./format-audit-report";
import { measureIngest } from "./measure-ingest";
import { measureListQueries } from "./measure-list-queries";
import { measureTable, seedAuditLog } from "./seed-audit-log";

const options = parseAuditBenchOptions(process.argv.slice(2));
const startedAt = new Date();
const machine = describeMachine();
const loadAtStart = loadavg();
console.log(`Machine: ${formatMachine(machine)}`);

step("migrating the gatehouse_audit_bench database");
await ensureDatabase(AUDIT_BENCH_DATABASE_URL);
await applyMigrations({ databaseUrl: AUDIT_BENCH_DATABASE_URL, migrationsDir: MIGRATIONS_DIR });
const db = createDb(AUDIT_BENCH_DATABASE_URL);
let report: AuditBenchReport;
try {
  const seed = await seedAuditLog({ db, events: options.events, reseed: options.reseed });
  step(
    `seed: ${seed.events.toLocaleString("en")} events ${seed.isFresh ? "seeded" : "found"} in ${seed.seconds.toFixed(1)} s`,
  );
  const ingest =
    options.only === "queries"
      ? undefined
      : await measureIngest({
          db,
          events: options.ingestEvents,
          batchSize: options.batchSize,
          workerConcurrency: options.workerConcurrency,
        });
  const queries =
    options.only === "ingest"
      ? undefined
      : { runs: options.runs, results: await measureListQueries({ db, runs: options.runs }) };
  report = {
    startedAt: startedAt.toISOString(),
    durationSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
    machine,
    loadAverage: { atStart: loadAtStart, atEnd: loadavg() },
    seed: { ...seed, ...(await measureTable(db)) },
    ...(ingest ? { ingest } : {}),
    ...(queries ? { queries } : {}),
  };
} finally {
  await db.$disconnect();
}
console.log(`\n${await writeResults("audit-latest", report, formatAuditReport(report))}`);
console.log("Written to packages/bench/results/audit-latest.json and audit-latest.md.");
