import { execFile } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { REPO_ROOT, RESULTS_DIR } from "../services/paths";
import type { BenchReport } from "./bench-report";
import { formatReport } from "./format-report";

const run = promisify(execFile);

/** Writes results/latest.json and results/latest.md; returns the Markdown. */
export function writeReport(report: BenchReport): Promise<string> {
  return writeResults("latest", report, formatReport(report));
}

/**
 * Writes results/<name>.json and results/<name>.md in the repository's format (so `biome check .`
 * passes on them and they can be committed as they are); returns the Markdown.
 */
export async function writeResults(name: string, report: object, markdown: string): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const jsonFile = path.join(RESULTS_DIR, `${name}.json`);
  const markdownFile = path.join(RESULTS_DIR, `${name}.md`);
  await writeFile(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(markdownFile, markdown);
  await run("npx", ["biome", "format", "--write", jsonFile, markdownFile], { cwd: REPO_ROOT }).catch(
    (error: unknown) => {
      console.error(
        `Could not format the results with biome (they are written unformatted): ${String(error)}`,
      );
    },
  );
  return readFile(markdownFile, "utf8");
}
