import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { run } from "./run.mjs";

/** Installs dependencies when node_modules is missing or older than the lockfile. */
export async function ensureInstall(root) {
  const marker = path.join(root, "node_modules", ".package-lock.json");
  const lock = path.join(root, "package-lock.json");
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log("› Installing dependencies (npm ci)…");
  await run("npm", ["ci", "--no-audit", "--no-fund"], { cwd: root });
}
