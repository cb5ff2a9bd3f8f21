import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { run } from "./run.mjs";

/**
 * Installs the Node 22 binary the conformance suite and the Inspector need (tools/node22),
 * when missing or older than its lockfile. It lives outside the workspaces because a
 * workspace dependency would link its `node` into node_modules/.bin and so run every npm
 * script on it.
 */
export async function ensureNode22(root) {
  const dir = path.join(root, "tools", "node22");
  const marker = path.join(dir, "node_modules", ".package-lock.json");
  const lock = path.join(dir, "package-lock.json");
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log("› Installing Node 22 for the MCP conformance and Inspector tests (tools/node22)…");
  await run("npm", ["ci", "--no-audit", "--no-fund"], { cwd: dir });
}
