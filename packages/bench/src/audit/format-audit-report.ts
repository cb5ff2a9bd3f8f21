import { AUDIT_PAGE_SIZE } from "@gatehouse/core/audit/list-audit-events";
import { formatMachine } from "../machine";
import { type AuditBenchReport, INGEST_TARGET_EVENTS_PER_SECOND, QUERY_TARGET_P95_MS } from "./audit-report";
import { WARMUP_RUNS } from "./measure-list-queries";
import { ORG_COUNT, SEED_DAYS } from "./seed-shape";

const row = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
const count = (value: number) => Math.round(value).toLocaleString("en");
const gib = (bytes: number) => `${(bytes / 2 ** 30).toFixed(1)} GiB`;
const loads = (averages: number[]) => averages.map((value) => value.toFixed(2)).join("/");
const meets = (isMet: boolean) => (isMet ? "yes" : "**no**");

/** The audit run as Markdown: what is printed and what results/audit-latest.md holds. */
export function formatAuditReport(report: AuditBenchReport): string {
  const { seed } = report;
  const lines = [
    `# Gatehouse audit benchmark (${report.startedAt})`,
    "",
    `Machine: ${formatMachine(report.machine)}; load average ${loads(report.loadAverage.atStart)} at the start, ${loads(report.loadAverage.atEnd)} at the end (1/5/15 min). Run took ${report.durationSeconds} s.`,
    `Seed: ${count(seed.events)} events across ${ORG_COUNT} organisations over ${SEED_DAYS} days, ${
      seed.isFresh ? `seeded in ${seed.seconds.toFixed(0)} s` : "kept from an earlier run"
    }; table ${gib(seed.tableBytes)}, indexes ${gib(seed.indexBytes)}.`,
    ...formatIngest(report),
    ...formatQueries(report),
  ];
  return `${lines.join("\n")}\n`;
}

function formatIngest({ ingest }: AuditBenchReport): string[] {
  if (!ingest) return [];
  return [
    "",
    "## Ingest: queue → worker → Postgres",
    "",
    row([
      "events",
      "per job",
      "worker concurrency",
      "enqueued in",
      "stored in",
      "events/s",
      "sustained events/s",
      `≥ ${count(INGEST_TARGET_EVENTS_PER_SECOND)}/s`,
    ]),
    row(["---:", "---:", "---:", "---:", "---:", "---:", "---:", "---"]),
    row([
      count(ingest.events),
      ingest.batchSize,
      ingest.workerConcurrency,
      `${ingest.enqueueSeconds.toFixed(1)} s`,
      `${ingest.totalSeconds.toFixed(1)} s`,
      count(ingest.eventsPerSecond),
      count(ingest.sustainedEventsPerSecond),
      meets(ingest.sustainedEventsPerSecond >= INGEST_TARGET_EVENTS_PER_SECOND),
    ]),
  ];
}

function formatQueries({ queries }: AuditBenchReport): string[] {
  if (!queries) return [];
  return [
    "",
    `## Audit list (listAuditEvents, ${AUDIT_PAGE_SIZE} per page): ${queries.runs} runs per case after ${WARMUP_RUNS} warm-up runs`,
    "",
    row(["organisation", "case", "page", "rows", "p50", "p95", "max", `p95 ≤ ${QUERY_TARGET_P95_MS} ms`]),
    row(["---", "---", "---:", "---:", "---:", "---:", "---:", "---"]),
    ...queries.results.map((result) =>
      row([
        `${result.orgId} (${count(result.orgEvents)})`,
        result.name,
        result.page,
        result.rows,
        `${result.p50Ms.toFixed(1)} ms`,
        `${result.p95Ms.toFixed(1)} ms`,
        `${result.maxMs.toFixed(1)} ms`,
        meets(result.p95Ms <= QUERY_TARGET_P95_MS),
      ]),
    ),
  ];
}
