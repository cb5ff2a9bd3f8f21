export { eventually } from "@gatehouse/testing/eventually";

import { tmpdir } from "node:os";
import path from "node:path";
import { discoverTools } from "@gatehouse/core/catalogue/discover-tools";
import { createGrant } from "@gatehouse/core/grants/create-grant";
import { createGrantChangeNotifier } from "@gatehouse/core/grants/grant-change-notifier";
import { buildProxyUrl } from "@gatehouse/core/grants/grant-token";
import { createSecretBox } from "@gatehouse/core/secrets/secret-box";
import { registerServer } from "@gatehouse/core/servers/register-server";
import { createDb, type Db } from "@gatehouse/db/client";
import { createTestAccount } from "@gatehouse/testing/create-test-account";
import { type RunningServer, startEverythingServer } from "@gatehouse/testing/start-everything-server";
import {
  TEST_DATABASE_URL,
  TEST_ENCRYPTION_KEY,
  TEST_QUEUE_PREFIX,
  TEST_REDIS_URL,
  uniqueSuffix,
} from "@gatehouse/testing/test-env";
import { createWorker } from "@gatehouse/worker/create-worker";
import { loadWorkerEnv } from "@gatehouse/worker/env";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { Redis } from "ioredis";
import { afterAll, beforeAll } from "vitest";
import { createProxy } from "../src/create-proxy";
import { loadProxyEnv } from "../src/env";

export type RunningProxy = Awaited<ReturnType<typeof createProxy>> & { baseUrl: string };

/** Environment variables a test sets on a proxy, over the test defaults. */
export type ProxyEnvOverrides = Record<string, string>;

/** Starts a proxy on a free port against the test database and Redis. */
export async function startProxy(overrides: ProxyEnvOverrides = {}): Promise<RunningProxy> {
  const env = loadProxyEnv({
    DATABASE_URL: TEST_DATABASE_URL,
    REDIS_URL: TEST_REDIS_URL,
    GATEHOUSE_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
    GATEHOUSE_QUEUE_PREFIX: TEST_QUEUE_PREFIX,
    LOG_LEVEL: "silent",
    // Test upstreams listen on 127.0.0.1.
    GATEHOUSE_ALLOW_PRIVATE_NETWORKS: "true",
    PROXY_PORT: "0",
    // Every proxy of a test run has a port of 0, so each gets a spool directory of its own.
    GATEHOUSE_AUDIT_SPOOL_DIR: path.join(tmpdir(), "gatehouse-test-spool", uniqueSuffix()),
    ...overrides,
  });
  const proxy = await createProxy(env);
  await new Promise<void>((resolve) => proxy.httpServer.listen(0, "127.0.0.1", resolve));
  const address = proxy.httpServer.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { ...proxy, baseUrl: `http://127.0.0.1:${port}` };
}

/** One organisation with a registered, discovered server-everything upstream. */
export async function createHarness() {
  const db: Db = createDb(TEST_DATABASE_URL);
  const secretBox = createSecretBox(TEST_ENCRYPTION_KEY);
  const upstream: RunningServer = await startEverythingServer();
  const account = await createTestAccount(db, "proxy");
  async function registerAndDiscover(url: string, headers: Record<string, string> = {}): Promise<string> {
    const { serverId } = await registerServer({
      db,
      secretBox,
      orgId: account.orgId,
      actor: account.actor,
      allowStdio: false,
      allowPrivateNetworks: true,
      input: { name: `upstream-${uniqueSuffix()}`, transport: "streamable_http", url, headers },
    });
    await discoverTools({
      db,
      secretBox,
      orgId: account.orgId,
      serverId,
      allowStdio: false,
      allowPrivateNetworks: true,
      timeoutMs: 10_000,
    });
    return serverId;
  }
  const serverId = await registerAndDiscover(upstream.url);
  const publisher = new Redis(TEST_REDIS_URL);
  const notify = createGrantChangeNotifier(publisher);
  const worker = createWorker(
    loadWorkerEnv({
      DATABASE_URL: TEST_DATABASE_URL,
      REDIS_URL: TEST_REDIS_URL,
      GATEHOUSE_QUEUE_PREFIX: TEST_QUEUE_PREFIX,
      GATEHOUSE_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
      LOG_LEVEL: "silent",
      GATEHOUSE_ALLOW_PRIVATE_NETWORKS: "true",
    }),
  );

  async function grant(policy: unknown, name = "agent", onServer = serverId) {
    const input = { serverId: onServer, name, policy: JSON.stringify(policy) };
    return createGrant({ db, orgId: account.orgId, actor: account.actor, input });
  }

  async function close() {
    await worker.close();
    publisher.disconnect();
    await upstream.stop();
    await db.$disconnect();
  }

  return {
    db,
    secretBox,
    upstream,
    account,
    serverId,
    notify,
    grant,
    registerServer: registerAndDiscover,
    close,
  };
}

/** Connects the real MCP SDK client to a URL, as an agent would with a copied proxy URL. */
export async function connectAgent(url: string, headers: Record<string, string> = {}): Promise<Client> {
  const client = new Client({ name: "test-agent", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } }));
  return client;
}

export function proxyUrl(proxy: RunningProxy, token: string): string {
  return buildProxyUrl(proxy.baseUrl, token);
}

/** The text of a tool result's first content block. */
export function firstText(result: unknown): string {
  const content = (result as { content?: { type: string; text?: string }[] }).content ?? [];
  return content[0]?.text ?? "";
}

type Harness = Awaited<ReturnType<typeof createHarness>>;

/**
 * Registers hooks that give a test file one harness and `proxyCount` proxies, closed
 * after the file; `envs[i]` overrides proxy i's environment.
 */
export function useTestbed(proxyCount = 1, envs: ProxyEnvOverrides[] = []) {
  let harness: Harness | undefined;
  let proxies: RunningProxy[] = [];
  beforeAll(async () => {
    harness = await createHarness();
    proxies = await Promise.all(Array.from({ length: proxyCount }, (_, index) => startProxy(envs[index])));
  });
  afterAll(async () => {
    await Promise.all(proxies.map((proxy) => proxy.close()));
    await harness?.close();
  });
  return {
    get harness(): Harness {
      if (!harness) throw new Error("The testbed is used before beforeAll ran.");
      return harness;
    },
    get proxy(): RunningProxy {
      const [proxy] = proxies;
      if (!proxy) throw new Error("The testbed is used before beforeAll ran.");
      return proxy;
    },
    proxyAt(index: number): RunningProxy {
      const proxy = proxies[index];
      if (!proxy) throw new Error(`The testbed has no proxy ${index}.`);
      return proxy;
    },
  };
}
