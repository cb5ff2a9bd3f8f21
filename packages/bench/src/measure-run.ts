import type { BenchOptions } from "./cli-options";
import { measureSessionsRss } from "./measure-sessions-rss";
import { step } from "./progress";
import type { BenchReport } from "./report/bench-report";
import { runMatrix } from "./run-matrix";
import { listScenarios } from "./scenarios";
import type { BenchStack } from "./services/bench-stack";
import { countAuditBacklog, waitForAuditDrain } from "./services/bench-stores";
import { runSoak } from "./soak";

const AUDIT_DRAIN_TIMEOUT_MS = 60_000;

export type Measurements = Pick<BenchReport, "cells" | "sessionsRss" | "audit" | "soak">;

/** Every measurement of a run, on a started stack: sessions' RSS, the matrix, then the optional soak. */
export async function measureRun(stack: BenchStack, options: BenchOptions): Promise<Measurements> {
  const { load, upstreams, baselines, grants, gatehouse } = stack;
  // Sessions first, on processes that have served no load yet, so the growth they cause is
  // not hidden in heap the matrix left behind.
  step(`RSS with ${options.sessions} open sessions`);
  const rssOf = (process: string, pid: number, url: string) =>
    measureSessionsRss({ load, process, pid, url, sessions: options.sessions });
  const sessionsRss = [
    await rssOf("gatehouse proxy", gatehouse.proxy.pid, grants.echo.allowAll),
    await rssOf("mcp-proxy (baseline)", baselines.services[0]?.pid ?? 0, baselines.echoUrl),
  ];
  const scenarios = listScenarios({
    echo: upstreams.echoUrl,
    everything: upstreams.everythingUrl,
    baselineEcho: baselines.echoUrl,
    baselineEverything: baselines.everythingUrl,
    grants,
  });
  step(`measuring ${scenarios.length} scenarios × 3 concurrencies`);
  const cells = await runMatrix({
    load,
    scenarios,
    warmupMs: options.warmupSeconds * 1000,
    durationMs: options.seconds * 1000,
  });
  const backlogAfterLoad = await countAuditBacklog();
  if (options.soakMinutes > 0) step(`soak: ${options.soakMinutes} min, RSS every 10 s`);
  const soak =
    options.soakMinutes > 0
      ? await runSoak({
          load,
          pid: gatehouse.proxy.pid,
          url: grants.echo.allowAll,
          operation: { kind: "call", tool: "echo", args: { message: "soak" }, expect: "ok" },
          minutes: options.soakMinutes,
        })
      : undefined;
  const audit = { backlogAfterLoad, drainSeconds: await waitForAuditDrain(AUDIT_DRAIN_TIMEOUT_MS) };
  return { cells, sessionsRss, audit, ...(soak ? { soak } : {}) };
}
