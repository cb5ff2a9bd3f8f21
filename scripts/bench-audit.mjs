// `npm run bench:audit`: installs what the benchmark needs, builds the worker bundle, then runs
// packages/bench's audit benchmark against the local Postgres and Redis (its own
// gatehouse_audit_bench database, seeded once and reused, and queue prefix). Flags after `--` go
// to the benchmark, e.g. `npm run bench:audit -- --events 1000000 --reseed`.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { checkServices } from "./lib/check-services.mjs";
import { ensureInstall } from "./lib/ensure-install.mjs";
import { generatePrismaClient } from "./lib/prepare-database.mjs";
import { run } from "./lib/run.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const env = {
  DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/gatehouse_audit_bench",
  REDIS_URL: "redis://127.0.0.1:6379",
  ...process.env,
};

await checkServices(env);
await ensureInstall(root);
await generatePrismaClient(root, env);
const steps = [
  ["npx", ["turbo", "run", "build", "--filter=@gatehouse/worker"]],
  ["npm", ["run", "bench:audit", "--workspace", "@gatehouse/bench", "--", ...process.argv.slice(2)]],
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
