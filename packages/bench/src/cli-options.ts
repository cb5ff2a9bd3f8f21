import { parseArgs } from "node:util";

export type BenchOptions = {
  /** Measured seconds per cell. */
  seconds: number;
  /** Unmeasured seconds before each cell's measurement. */
  warmupSeconds: number;
  /** Sessions held open for the RSS reading. */
  sessions: number;
  /** Minutes of RSS-over-time soak after the matrix (0: none). */
  soakMinutes: number;
  /** Runs the proxy under `node --cpu-prof` and prints its hottest functions. */
  cpuProf: boolean;
};

const USAGE = `npm run bench -- [--seconds 2] [--warmup-seconds 1] [--sessions 1000] [--soak-minutes 0] [--cpu-prof]`;

/** Parses the benchmark's flags; a bad value stops it naming the flag. */
export function parseBenchOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      seconds: { type: "string", default: "2" },
      "warmup-seconds": { type: "string", default: "1" },
      sessions: { type: "string", default: "1000" },
      "soak-minutes": { type: "string", default: "0" },
      "cpu-prof": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  return {
    seconds: positiveNumber("--seconds", values.seconds, 600),
    warmupSeconds: positiveNumber("--warmup-seconds", values["warmup-seconds"], 600, true),
    sessions: Math.round(positiveNumber("--sessions", values.sessions, 10_000)),
    soakMinutes: positiveNumber("--soak-minutes", values["soak-minutes"], 24 * 60, true),
    cpuProf: values["cpu-prof"],
  };
}

function positiveNumber(flag: string, text: string, max: number, allowZero = false): number {
  const value = Number(text);
  const isValid = Number.isFinite(value) && value <= max && (allowZero ? value >= 0 : value > 0);
  if (!isValid)
    throw new Error(
      `${flag} expects a number ${allowZero ? "≥ 0" : "> 0"} and ≤ ${max}, got "${text}".\n${USAGE}`,
    );
  return value;
}
