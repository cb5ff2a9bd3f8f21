// `npm run conformance`: runs the official MCP conformance suite's server scenarios
// (@modelcontextprotocol/conformance, under the Node 22 that tools/node22 installs) against its
// reference server directly and through an in-process Gatehouse proxy (local Postgres and Redis,
// the test database), prints both results side by side, and fails when Gatehouse adds a failure
// beyond the known gaps listed in apps/proxy/test/compat/known-gateway-failures.ts.
// `npm run conformance -- --strict` ignores that list: any failure Gatehouse adds fails the run.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { checkServices } from "./lib/check-services.mjs";
import { ensureNode22 } from "./lib/ensure-node22.mjs";
import { run } from "./lib/run.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const env = {
  DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/gatehouse_test",
  REDIS_URL: "redis://127.0.0.1:6379",
  ...process.env,
  GATEHOUSE_CONFORMANCE_STRICT: process.argv.includes("--strict") ? "true" : "false",
};

await checkServices(env);
await ensureNode22(root);
try {
  await run("npx", ["vitest", "run", "test/conformance.test.ts"], {
    cwd: path.join(root, "apps/proxy"),
    env,
  });
} catch (error) {
  console.error(`\n✖ ${error.message}`);
  process.exit(1);
}
