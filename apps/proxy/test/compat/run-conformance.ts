import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { z } from "zod";
import { node22Path } from "./node-22";
import { runTool } from "./run-tool";

const require = createRequire(import.meta.url);
const SUITE_TIMEOUT_MS = 120_000;
// The suite saves each scenario's checks under `server-<scenario>-<ISO timestamp>/`.
const RESULT_DIR_PATTERN = /^server-(.+)-\d{4}-\d{2}-\d{2}T[\d-]+Z$/;

const checksSchema = z.array(
  z.object({ id: z.string(), status: z.string(), errorMessage: z.string().optional() }),
);

/** One scenario's outcome: how many checks passed, and the ids (with reasons) of those that failed. */
export type ScenarioResult = { passed: number; failures: string[] };

/** Scenario name → result, for one run of the suite against one URL. */
export type ConformanceRun = Map<string, ScenarioResult>;

/** The installed `@modelcontextprotocol/conformance` version, for the report. */
export function conformanceVersion(): string {
  const manifest = require("@modelcontextprotocol/conformance/package.json") as { version: string };
  return manifest.version;
}

/**
 * Runs the official conformance suite's server scenarios (all of them, the pending ones included,
 * or the given ones) against an MCP endpoint and reads back every check it recorded.
 */
export async function runConformance(url: string, scenarios: string[] = []): Promise<ConformanceRun> {
  const outputDir = await mkdtemp(path.join(tmpdir(), "gatehouse-conformance-"));
  try {
    const cli = require.resolve("@modelcontextprotocol/conformance/dist/index.js");
    const runs =
      scenarios.length > 0 ? scenarios.map((scenario) => ["--scenario", scenario]) : [["--suite", "all"]];
    for (const selection of runs) {
      // The suite exits non-zero when any check fails; the checks it saved say which.
      const run = await runTool(node22Path(), [cli, "server", "--url", url, "-o", outputDir, ...selection], {
        timeoutMs: SUITE_TIMEOUT_MS,
      });
      if (run.code !== 0 && run.code !== 1) {
        throw new Error(`The conformance suite crashed (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
      }
    }
    return await readResults(outputDir);
  } finally {
    await rm(outputDir, { recursive: true, force: true });
  }
}

async function readResults(outputDir: string): Promise<ConformanceRun> {
  const results: ConformanceRun = new Map();
  for (const entry of (await readdir(outputDir)).sort()) {
    const scenario = RESULT_DIR_PATTERN.exec(entry)?.[1];
    if (!scenario) continue;
    const checks = checksSchema.parse(
      JSON.parse(await readFile(path.join(outputDir, entry, "checks.json"), "utf8")),
    );
    const failed = checks.filter((check) => check.status === "FAILURE");
    results.set(scenario, {
      passed: checks.filter((check) => check.status === "SUCCESS").length,
      failures: failed.map((check) => `${check.id}: ${check.errorMessage ?? "failed"}`),
    });
  }
  return results;
}
