import { freePort } from "@gatehouse/testing/free-port";
import { BENCH_DATABASE_URL, BENCH_ENCRYPTION_KEY, BENCH_QUEUE_PREFIX, BENCH_REDIS_URL } from "../bench-env";
import { type ChildService, spawnNode } from "./child-service";
import { PROFILES_DIR, REPO_ROOT } from "./paths";

export type Gatehouse = { proxy: ChildService; worker: ChildService; baseUrl: string };

/** Starts the built proxy and worker bundles as `npm start` would, against the benchmark's database. */
export async function startGatehouse(options: { cpuProf: boolean }): Promise<Gatehouse> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: BENCH_DATABASE_URL,
    REDIS_URL: BENCH_REDIS_URL,
    GATEHOUSE_ENCRYPTION_KEY: BENCH_ENCRYPTION_KEY,
    GATEHOUSE_QUEUE_PREFIX: BENCH_QUEUE_PREFIX,
    GATEHOUSE_ALLOW_STDIO: "false",
    // The benchmark's upstreams listen on 127.0.0.1.
    GATEHOUSE_ALLOW_PRIVATE_NETWORKS: "true",
    PROXY_HOST: "127.0.0.1",
    PROXY_PORT: String(port),
    LOG_LEVEL: "warn",
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  const profile = options.cpuProf ? ["--cpu-prof", `--cpu-prof-dir=${PROFILES_DIR}`] : [];
  const worker = await spawnNode("worker", ["apps/worker/dist/main.js"], { cwd: REPO_ROOT, env });
  const proxy = await spawnNode("proxy", [...profile, "apps/proxy/dist/main.js"], {
    cwd: REPO_ROOT,
    env,
    readyUrl: `${baseUrl}/healthz`,
  }).catch(async (error: unknown) => {
    await worker.stop();
    throw error;
  });
  return { proxy, worker, baseUrl };
}
