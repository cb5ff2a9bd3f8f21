import { formatMachine } from "../machine";
import type { CellRecord } from "../run-matrix";
import type { BenchReport } from "./bench-report";

const ms = (value: number) => value.toFixed(2);
const signedMs = (value: number | undefined) =>
  value === undefined ? "" : `${value >= 0 ? "+" : ""}${ms(value)}`;
const mib = (kib: number) => `${(kib / 1024).toFixed(1)} MiB`;
const loads = (averages: number[]) => averages.map((value) => value.toFixed(2)).join("/");
const row = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;

/** The run as Markdown: what is printed and what results/latest.md holds. */
export function formatReport(report: BenchReport): string {
  const { settings } = report;
  const lines = [
    `# Gatehouse benchmark (${report.startedAt})`,
    "",
    `Machine: ${formatMachine(report.machine)}; load average ${loads(report.loadAverage.atStart)} at the start, ${loads(report.loadAverage.atEnd)} at the end (1/5/15 min). Run took ${report.durationSeconds} s.`,
    `Method: closed loop, one MCP SDK session per concurrent client, load from its own process; ${settings.warmupSeconds} s warm-up + ${settings.secondsPerCell} s measured per cell. Added latency and throughput ratio compare each row with the direct row of its upstream at the same concurrency.`,
    `Baseline: ${report.baseline.package} ${report.baseline.version}: ${report.baseline.wiring}.`,
    "",
    "## Latency and throughput",
    "",
    ...formatCells(report.cells),
    "",
    ...formatSessionsRss(report),
    "",
    `Audit: ${report.audit.backlogAfterLoad} audit batches queued when the load ended; ${
      report.audit.drainSeconds === null
        ? "the worker had not drained them when the run stopped waiting"
        : `drained in ${report.audit.drainSeconds.toFixed(1)} s`
    }.`,
    ...formatSoak(report),
    ...formatProfile(report),
  ];
  return `${lines.join("\n")}\n`;
}

function formatSessionsRss(report: BenchReport): string[] {
  return [
    "## Proxy memory with open sessions (VmRSS)",
    "",
    row([
      "process",
      "sessions",
      "failed",
      "opened in",
      "closed in",
      "RSS before",
      "RSS with sessions",
      "per session",
      "RSS after close",
    ]),
    row(["---", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:"]),
    ...report.sessionsRss.map((r) =>
      row([
        r.process,
        r.sessions,
        r.failed,
        `${r.openSeconds.toFixed(1)} s`,
        `${r.closeSeconds.toFixed(1)} s`,
        mib(r.beforeKiB),
        mib(r.withSessionsKiB),
        `${r.perSessionKiB.toFixed(1)} KiB`,
        mib(r.afterCloseKiB),
      ]),
    ),
  ];
}

function formatCells(cells: CellRecord[]): string[] {
  const header = [
    "upstream",
    "path",
    "scenario",
    "c",
    "p50 ms",
    "p90 ms",
    "p99 ms",
    "calls/s",
    "errors",
    "added p50 ms",
    "added p99 ms",
    "throughput ÷ direct",
  ];
  return [
    row(header),
    row(header.map((_, index) => (index < 3 ? "---" : "---:"))),
    ...cells.map((cell) =>
      row([
        cell.upstream,
        cell.path,
        cell.label,
        cell.concurrency,
        ms(cell.p50Ms),
        ms(cell.p90Ms),
        ms(cell.p99Ms),
        Math.round(cell.callsPerSecond),
        cell.errors,
        signedMs(cell.addedP50Ms),
        signedMs(cell.addedP99Ms),
        cell.throughputRatio === undefined ? "" : cell.throughputRatio.toFixed(2),
      ]),
    ),
  ];
}

function formatSoak(report: BenchReport): string[] {
  if (!report.soak) return [];
  return [
    "",
    "## Soak: proxy RSS over time (allowed calls, 16 sessions re-opened every 10 s)",
    "",
    row(["elapsed", "RSS", "calls/s", "p99 ms", "errors"]),
    row(["---:", "---:", "---:", "---:", "---:"]),
    ...report.soak.map((s) =>
      row([
        s.elapsedSeconds === 0 ? "start" : `${s.elapsedSeconds} s`,
        mib(s.rssKiB),
        Math.round(s.callsPerSecond),
        ms(s.p99Ms),
        s.errors,
      ]),
    ),
  ];
}

function formatProfile(report: BenchReport): string[] {
  if (!report.cpuProfile) return [];
  return [
    "",
    `## Proxy CPU profile: top ${report.cpuProfile.top.length} by self time`,
    "",
    `From ${report.cpuProfile.file} (the whole proxy run; idle time left out, "self %" is of busy time). Profiling slows the proxy: take latency figures from a run without --cpu-prof.`,
    "",
    row(["self ms", "self %", "function", "where"]),
    row(["---:", "---:", "---", "---"]),
    ...report.cpuProfile.top.map((f) =>
      row([f.selfMs.toFixed(0), f.selfPercent.toFixed(1), `\`${f.functionName}\``, f.location]),
    ),
    "",
    `### Gatehouse's own functions: top ${report.cpuProfile.gatehouse.length} by total time (themselves and what they call)`,
    "",
    row(["total ms", "total %", "function", "where"]),
    row(["---:", "---:", "---", "---"]),
    ...report.cpuProfile.gatehouse.map((f) =>
      row([f.totalMs.toFixed(0), f.totalPercent.toFixed(1), `\`${f.functionName}\``, f.location]),
    ),
  ];
}
