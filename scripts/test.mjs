// `npm test`: installs what the tests need, then runs lint, typecheck and every
// package's tests against the local Postgres and Redis (see README, "Tests").
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { checkServices } from "./lib/check-services.mjs";
import { ensureChromium } from "./lib/ensure-chromium.mjs";
import { ensureInstall } from "./lib/ensure-install.mjs";
import { ensureNode22 } from "./lib/ensure-node22.mjs";
import { generatePrismaClient } from "./lib/prepare-database.mjs";
import { run } from "./lib/run.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const env = {
  DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/gatehouse_test",
  REDIS_URL: "redis://127.0.0.1:6379",
  NEXT_TELEMETRY_DISABLED: "1",
  ...process.env,
};

await checkServices(env);
await ensureInstall(root);
await ensureNode22(root);
await ensureChromium(env);
await generatePrismaClient(root, env);
const steps = [
  ["node", ["scripts/audit-dependencies.mjs"]],
  ["npx", ["biome", "check", "."]],
  ["node", ["--test", ...scriptTests(root)]],
  ["npx", ["turbo", "run", "typecheck"]],
  ["npx", ["turbo", "run", "test", "--concurrency=2"]],
];
try {
  for (const [command, args] of steps) {
    console.log(`\n› ${command} ${args.join(" ")}`);
    await run(command, args, { cwd: root, env });
  }
} catch (error) {
  console.error(`\n✖ ${error.message}`);
  process.exit(1);
}
console.log("\n✔ All checks and tests passed.");

// Named one by one: how `node --test` reads a directory argument differs between Node versions.
function scriptTests(root) {
  const dir = path.join(root, "scripts", "test");
  return readdirSync(dir)
    .filter((file) => file.endsWith(".test.mjs"))
    .map((file) => path.join("scripts", "test", file));
}
