// `npm run bench`: measures Gatehouse against direct calls and a plain npm pass-through proxy.
// It measures and reports only; README.md in this package says what each figure means.
import { createRequire } from "node:module";
import { loadavg } from "node:os";
import { parseBenchOptions } from "./cli-options";
import { findProfile, topSelfTime, topTotalTime } from "./cpu-profile";
import { describeMachine, formatMachine } from "./machine";
import { type Measurements, measureRun } from "./measure-run";
import { step } from "./progress";
import type { BenchReport } from "./report/bench-report";
import { writeReport } from "./report/write-report";
import { startBenchStack } from "./services/bench-stack";
import { PROFILES_DIR, REPO_ROOT } from "./services/paths";

const PROFILE_TOP = 15;
// The bundle the proxy runs, so the profile can name the steps that are Gatehouse's own.
const PROXY_BUNDLE = "apps/proxy/dist/";

const options = parseBenchOptions(process.argv.slice(2));
const startedAt = new Date();
const machine = describeMachine();
const loadAtStart = loadavg();
console.log(`Machine: ${formatMachine(machine)}`);

const stack = await startBenchStack({ cpuProf: options.cpuProf });
let measurements: Measurements;
try {
  measurements = await measureRun(stack, options);
} finally {
  step("stopping");
  await stack.stop();
}
const cpuProfile = options.cpuProf ? await readProfile(stack.gatehouse.proxy.pid) : undefined;
const report: BenchReport = {
  startedAt: startedAt.toISOString(),
  durationSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
  machine,
  loadAverage: { atStart: loadAtStart, atEnd: loadavg() },
  settings: {
    warmupSeconds: options.warmupSeconds,
    secondsPerCell: options.seconds,
    sessions: options.sessions,
    soakMinutes: options.soakMinutes,
    cpuProf: options.cpuProf,
  },
  baseline: describeBaseline(),
  ...measurements,
  ...(cpuProfile ? { cpuProfile } : {}),
};
console.log(`\n${await writeReport(report)}`);
console.log("Written to packages/bench/results/latest.json and latest.md.");

function describeBaseline(): BenchReport["baseline"] {
  const require = createRequire(import.meta.url);
  const { version } = require("mcp-proxy/package.json") as { version: string };
  return {
    package: "mcp-proxy",
    version,
    wiring:
      "its startHTTPServer + proxyServer wired as its CLI wires them (one upstream client shared by every session), Streamable HTTP in and out, no event store",
  };
}

async function readProfile(pid: number): Promise<BenchReport["cpuProfile"]> {
  const file = await findProfile(PROFILES_DIR, pid);
  if (!file) {
    console.error(`No .cpuprofile for the proxy (pid ${pid}) in ${PROFILES_DIR}.`);
    return undefined;
  }
  return {
    file: file.slice(REPO_ROOT.length + 1),
    top: await topSelfTime(file, { limit: PROFILE_TOP, root: REPO_ROOT }),
    gatehouse: await topTotalTime(file, { limit: PROFILE_TOP, root: REPO_ROOT, under: PROXY_BUNDLE }),
  };
}
