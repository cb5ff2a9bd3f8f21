// `npm start`: installs, prepares the database, builds, and runs the dashboard,
// the proxy and the worker with working local defaults.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { checkServices } from "./lib/check-services.mjs";
import { ensureInstall } from "./lib/ensure-install.mjs";
import { loadLocalEnv } from "./lib/local-env.mjs";
import { generatePrismaClient, migrateDatabase } from "./lib/prepare-database.mjs";
import { run } from "./lib/run.mjs";
import { supervise, waitForHttp } from "./lib/supervise.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const READY_TIMEOUT_MS = 60_000;

const env = loadLocalEnv(root);
await checkServices(env);
await ensureInstall(root);
await generatePrismaClient(root, env);
await migrateDatabase(root, env);
console.log("› Building dashboard, proxy and worker…");
await run(
  "npx",
  [
    "turbo",
    "run",
    "build",
    "--filter=@gatehouse/web",
    "--filter=@gatehouse/proxy",
    "--filter=@gatehouse/worker",
  ],
  {
    cwd: root,
    env,
  },
);

supervise(
  [
    { name: "web", command: "npx", args: ["next", "start", "apps/web", "-p", env.WEB_PORT] },
    { name: "proxy", command: process.execPath, args: ["--enable-source-maps", "apps/proxy/dist/main.js"] },
    { name: "worker", command: process.execPath, args: ["--enable-source-maps", "apps/worker/dist/main.js"] },
  ],
  { cwd: root, env: { ...env, NODE_ENV: "production" } },
);

const [webReady, proxyReady] = await Promise.all([
  waitForHttp(`http://127.0.0.1:${env.WEB_PORT}/sign-in`, READY_TIMEOUT_MS),
  waitForHttp(`http://127.0.0.1:${env.PROXY_PORT}/healthz`, READY_TIMEOUT_MS),
]);
if (webReady && proxyReady) {
  console.log(
    `\n✔ Gatehouse is running\n  Dashboard: ${env.NEXTAUTH_URL}\n  Proxy:     ${env.GATEHOUSE_PROXY_PUBLIC_URL} (agents use the per-grant URL shown in the dashboard)\n  Worker:    consuming audit events, catalogue syncs and webhook deliveries\n  Stop with Ctrl+C.\n`,
  );
} else {
  console.error("✖ The dashboard or the proxy did not come up in time; see the output above.");
}
