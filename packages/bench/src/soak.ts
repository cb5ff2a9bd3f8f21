import type { Operation } from "./load/protocol";
import { readRssKiB } from "./proc-rss";
import type { LoadDriver } from "./services/load-driver";

export type SoakSample = {
  elapsedSeconds: number;
  rssKiB: number;
  callsPerSecond: number;
  p99Ms: number;
  errors: number;
};

const SAMPLE_EVERY_MS = 10_000;
const SOAK_CONCURRENCY = 16;

/**
 * RSS over time under steady load: back-to-back 10 s cells of allowed calls through Gatehouse
 * (each opening and closing its sessions, so sessions churn too), RSS read after each.
 */
export async function runSoak(options: {
  load: LoadDriver;
  pid: number;
  url: string;
  operation: Operation;
  minutes: number;
}): Promise<SoakSample[]> {
  const samples: SoakSample[] = [
    { elapsedSeconds: 0, rssKiB: readRssKiB(options.pid), callsPerSecond: 0, p99Ms: 0, errors: 0 },
  ];
  const startedMs = performance.now();
  const endMs = startedMs + options.minutes * 60_000;
  while (performance.now() < endMs) {
    const result = await options.load.runCell({
      target: { url: options.url },
      operation: options.operation,
      concurrency: SOAK_CONCURRENCY,
      warmupMs: 0,
      durationMs: Math.min(SAMPLE_EVERY_MS, Math.max(1_000, endMs - performance.now())),
    });
    const sample = {
      elapsedSeconds: Math.round((performance.now() - startedMs) / 1000),
      rssKiB: readRssKiB(options.pid),
      callsPerSecond: result.callsPerSecond,
      p99Ms: result.p99Ms,
      errors: result.errors,
    };
    samples.push(sample);
    console.log(
      `  soak ${sample.elapsedSeconds}s: RSS ${(sample.rssKiB / 1024).toFixed(1)} MiB, ${Math.round(sample.callsPerSecond)} calls/s`,
    );
  }
  return samples;
}
