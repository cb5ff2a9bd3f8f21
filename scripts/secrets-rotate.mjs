// `npm run secrets:rotate [-- --dry-run]`: re-seals every stored secret under the current
// GATEHOUSE_ENCRYPTION_KEY. Reads the same keys as `npm start` (.gatehouse/local.env, when
// there is one) with the shell's variables on top, so it works for local and deployed setups.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { localEnvFile, readLocalEnvFile } from "./lib/local-env.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const file = localEnvFile(root);
const env = { ...(existsSync(file) ? readLocalEnvFile(file) : {}), ...process.env };
const result = spawnSync(
  "npx",
  ["tsx", "packages/core/src/secrets/rotate-secrets-cli.ts", ...process.argv.slice(2)],
  { cwd: root, env, stdio: "inherit" },
);
process.exit(result.status ?? 1);
