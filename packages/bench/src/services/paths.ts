import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

export const BENCH_DIR = path.resolve(here, "../..");
export const REPO_ROOT = path.resolve(BENCH_DIR, "../..");
export const RESULTS_DIR = path.join(BENCH_DIR, "results");
export const PROFILES_DIR = path.join(RESULTS_DIR, "profiles");
export const MIGRATIONS_DIR = path.join(REPO_ROOT, "prisma/migrations");

/** A process entry of this package (src/processes/<name>.ts). */
export function processEntry(name: string): string {
  return path.join(BENCH_DIR, "src/processes", `${name}.ts`);
}
