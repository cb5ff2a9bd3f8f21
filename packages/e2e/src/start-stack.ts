import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "@gatehouse/testing/free-port";
import { stopChild } from "@gatehouse/testing/start-everything-server";
import { TEST_DATABASE_URL, TEST_REDIS_URL } from "@gatehouse/testing/test-env";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const READY_TIMEOUT_MS = 60_000;
// Its own queue prefix, so no other test's worker files this run's audit events.
const QUEUE_PREFIX = "gatehouse-e2e";

export type Stack = {
  webUrl: string;
  /** The first proxy; the dashboard shows proxy URLs on it. */
  proxyUrl: string;
  /** Every proxy process, the first one included. */
  proxyUrls: string[];
  /** Kills proxy `index` at once (SIGKILL), as a crash would. */
  crashProxy: (index: number) => void;
  logs: () => string;
  stop: () => Promise<void>;
};

export type StackOptions = {
  /** Let the dashboard and proxy run stdio servers (GATEHOUSE_ALLOW_STDIO); off by default, as in production. */
  allowStdio?: boolean;
  /** How many proxy processes share the work (one by default). */
  proxies?: number;
  /** More environment for every process, e.g. shorter approval timings. */
  env?: Record<string, string>;
};

/** Starts the built dashboard, proxy and worker against the test database, as `npm start` does. */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  for (const built of ["apps/web/.next/BUILD_ID", "apps/proxy/dist/main.js", "apps/worker/dist/main.js"]) {
    if (!existsSync(path.join(ROOT, built))) {
      throw new Error(
        `${built} is missing: build first (npx turbo run build), or run the tests with npm test.`,
      );
    }
  }
  const webPort = await freePort();
  const proxyPorts = await Promise.all(Array.from({ length: options.proxies ?? 1 }, () => freePort()));
  const webUrl = `http://127.0.0.1:${webPort}`;
  const proxyUrls = proxyPorts.map((port) => `http://127.0.0.1:${port}`);
  const proxyUrl = proxyUrls[0] ?? "";
  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    DATABASE_URL: TEST_DATABASE_URL,
    REDIS_URL: TEST_REDIS_URL,
    NEXTAUTH_URL: webUrl,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
    GATEHOUSE_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    GATEHOUSE_PROXY_PUBLIC_URL: proxyUrl,
    GATEHOUSE_DASHBOARD_URL: webUrl,
    GATEHOUSE_ALLOW_STDIO: options.allowStdio ? "true" : "false",
    // The tests' upstreams and webhook receivers listen on 127.0.0.1.
    GATEHOUSE_ALLOW_PRIVATE_NETWORKS: "true",
    GATEHOUSE_QUEUE_PREFIX: QUEUE_PREFIX,
    LOG_LEVEL: "warn",
    NEXT_TELEMETRY_DISABLED: "1",
    ...options.env,
  };
  let output = "";
  const capture = (name: string, child: ChildProcess) => {
    const append = (chunk: Buffer) => {
      output = `${output}[${name}] ${chunk.toString()}`.slice(-20_000);
    };
    child.stdout?.on("data", append);
    child.stderr?.on("data", append);
    return child;
  };
  const nextBin = path.join(ROOT, "node_modules/next/dist/bin/next");
  const children = [
    capture(
      "web",
      spawn(process.execPath, [nextBin, "start", "apps/web", "-p", String(webPort), "-H", "127.0.0.1"], {
        cwd: ROOT,
        env,
      }),
    ),
    capture("worker", spawn(process.execPath, ["apps/worker/dist/main.js"], { cwd: ROOT, env })),
  ];
  const proxies = proxyPorts.map((port, index) =>
    capture(
      `proxy ${index}`,
      spawn(process.execPath, ["apps/proxy/dist/main.js"], {
        cwd: ROOT,
        env: { ...env, PROXY_PORT: String(port) },
      }),
    ),
  );
  children.push(...proxies);
  const stop = async () => {
    await Promise.all(children.map(stopChild));
  };
  const ready = await Promise.all([
    waitForHttp(`${webUrl}/sign-in`),
    ...proxyUrls.map((url) => waitForHttp(`${url}/healthz`)),
  ]);
  if (!ready.every(Boolean)) {
    await stop();
    throw new Error(`The stack did not start in time:\n${output}`);
  }
  const crashProxy = (index: number) => {
    proxies[index]?.kill("SIGKILL");
  };
  return { webUrl, proxyUrl, proxyUrls, crashProxy, logs: () => output, stop };
}

async function waitForHttp(url: string): Promise<boolean> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const response = await fetch(url).catch(() => undefined);
    if (response && response.status < 500) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}
