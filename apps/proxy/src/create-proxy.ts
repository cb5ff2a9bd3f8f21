import { Agent } from "node:http";
import { CATALOGUE_SYNC_QUEUE, type CatalogueSyncJob } from "@gatehouse/core/catalogue/catalogue-sync-job";
import { createLogger } from "@gatehouse/core/logging/create-logger";
import { createSecretBox } from "@gatehouse/core/secrets/secret-box";
import { recordUpstreamHealth } from "@gatehouse/core/upstream/record-upstream-health";
import { isStdioPooled } from "@gatehouse/core/upstream/stdio-lifecycle-env";
import { StdioPool } from "@gatehouse/core/upstream/stdio-pool";
import { createUpstreamAuthorization } from "@gatehouse/core/upstream-auth/upstream-authorization";
import { createDb } from "@gatehouse/db/client";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { startApprovals } from "./approvals/start-approvals";
import { startAuditSink } from "./audit/start-audit-sink";
import { createCatalogueSyncRequester } from "./catalogue/catalogue-sync-requester";
import { DriftRegistry } from "./catalogue/drift-registry";
import type { ProxyEnv } from "./env";
import { GrantCache } from "./grants/grant-cache";
import { grantStandingAt } from "./grants/grant-standing";
import { createGrantUseRecorder } from "./grants/grant-use-recorder";
import { loadGrantSnapshot } from "./grants/load-grant-snapshot";
import { subscribeGrantChanges } from "./grants/subscribe-grant-changes";
import { createHttpServer } from "./http/create-http-server";
import { httpLimitsOf } from "./http/http-limits";
import { OpenResponses } from "./http/open-responses";
import { RateLimiter } from "./limits/rate-limiter";
import { createProxyMetrics } from "./ops/proxy-metrics";
import { createProxyReadiness } from "./ops/proxy-readiness";
import type { ProxyDeps } from "./proxy-deps";
import { reportConnectionErrors } from "./redis/report-connection-errors";
import { defaultInternalUrl } from "./sessions/internal-url";
import { SessionDirectory } from "./sessions/session-directory";
import { SessionRegistry } from "./sessions/session-registry";

const IDLE_SWEEP_INTERVAL_MS = 60_000;
// How long close() lets answers already on their way reach the agents.
const CLOSE_GRACE_MS = 5_000;

/** Wires the proxy's services (Postgres, Redis, queue, caches) and its HTTP server; `close` releases them all. */
export async function createProxy(env: ProxyEnv) {
  const logger = createLogger({ name: "proxy", level: env.LOG_LEVEL });
  const db = createDb(env.DATABASE_URL);
  const secretBox = createSecretBox(env.GATEHOUSE_ENCRYPTION_KEY, env.GATEHOUSE_ENCRYPTION_PREVIOUS_KEYS);
  const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 1 });
  const subscriber = new Redis(env.REDIS_URL);
  const sessions = new SessionRegistry();
  const drift = new DriftRegistry();
  const syncQueue = new Queue<CatalogueSyncJob>(CATALOGUE_SYNC_QUEUE, {
    connection: { url: env.REDIS_URL },
    prefix: env.GATEHOUSE_QUEUE_PREFIX,
  });
  reportConnectionErrors(redis, logger, "counters");
  reportConnectionErrors(subscriber, logger, "subscriber");
  reportConnectionErrors(syncQueue, logger, "catalogue sync queue");
  const metrics = createProxyMetrics({ sessions });
  metrics.watchRedis("counters", redis);
  metrics.watchRedis("subscriber", subscriber);
  const grants = new GrantCache((tokenHash) => loadGrantSnapshot({ db, secretBox, tokenHash }), {
    ttlMs: env.GATEHOUSE_GRANT_CACHE_TTL_MS,
  });
  await subscribeGrantChanges({
    subscriber,
    logger,
    onChange: (change) => {
      if (change.kind === "policy_changed") grants.invalidatePolicy(change.policyId);
      else if (change.kind === "server_changed") {
        drift.clear(change.serverId);
        grants.invalidateServer(change.serverId);
      } else {
        grants.invalidateGrant(change.grantId, change.tokenHash);
        void sessions.closeGrantSessions(change.grantId, isTokenEnded);
      }
    },
    onResync: () => grants.clear(),
  });
  // Sessions whose token stopped working (revoked grant, or replaced without a grace period)
  // are ended at once, not left to fail call by call.
  async function isTokenEnded(tokenHash: string): Promise<boolean> {
    const grant = await grants.get(tokenHash).catch(() => null);
    return !grant || grantStandingAt(grant, Date.now()) !== null;
  }
  const audit = await startAuditSink({ env, logger, observe: metrics.observeAuditEvent });
  metrics.watchAudit(audit);
  const now = () => Date.now();
  const approvals = await startApprovals({ env, db, secretBox, redis, subscriber, logger, now });
  const responses = new OpenResponses();
  const sessionDirectory = new SessionDirectory({
    redis,
    prefix: env.GATEHOUSE_QUEUE_PREFIX,
    ownerUrl: () => env.GATEHOUSE_PROXY_INTERNAL_URL ?? listeningUrl(),
    logger,
  });
  const relayAgent = new Agent({ keepAlive: true });
  const stdioPool = new StdioPool({
    idleMs: env.GATEHOUSE_STDIO_POOL_IDLE_MS,
    logger,
    onHealth: (health) => {
      recordUpstreamHealth({ db, ...health }).catch((error: unknown) =>
        logger.warn({ err: error, serverId: health.serverId }, "could not record upstream health"),
      );
    },
  });
  const deps: ProxyDeps = {
    grants,
    recordGrantUse: createGrantUseRecorder({ db, redis, logger, now }),
    sessions,
    sessionDirectory,
    relayAgent,
    replayBytesPerSession: env.GATEHOUSE_SESSION_REPLAY_BYTES,
    rateLimiter: new RateLimiter(redis),
    audit,
    logger,
    allowStdio: env.GATEHOUSE_ALLOW_STDIO,
    stdio: { pool: stdioPool, isPooled: (serverId) => isStdioPooled(env, serverId) },
    allowPrivateNetworks: env.GATEHOUSE_ALLOW_PRIVATE_NETWORKS,
    trustProxy: env.GATEHOUSE_TRUST_PROXY,
    allowedOrigins: env.GATEHOUSE_PROXY_ALLOWED_ORIGINS,
    upstreamTimeoutMs: env.GATEHOUSE_UPSTREAM_TIMEOUT_MS,
    upstreamAuthorization: (server) =>
      createUpstreamAuthorization({
        db,
        secretBox,
        ...server,
        policy: { allowPrivateNetworks: env.GATEHOUSE_ALLOW_PRIVATE_NETWORKS },
        timeoutMs: env.GATEHOUSE_UPSTREAM_TIMEOUT_MS,
      }),
    limits: httpLimitsOf(env),
    drift,
    requestSync: createCatalogueSyncRequester(syncQueue, logger),
    approvals: approvals.deps,
    responses,
    now,
    ops: {
      readiness: createProxyReadiness({ db, redis, audit, logger }),
      metrics: metrics.registry,
      metricsToken: env.GATEHOUSE_METRICS_TOKEN,
    },
  };
  const httpServer = createHttpServer(deps);
  // The port once listening, so a proxy started on port 0 (tests) names the one it got.
  function listeningUrl(): string {
    const address = httpServer.address();
    return defaultInternalUrl(
      env.PROXY_HOST,
      typeof address === "object" && address ? address.port : env.PROXY_PORT,
    );
  }
  const sweeper = setInterval(() => {
    void sessions.closeIdle(Date.now(), env.GATEHOUSE_SESSION_IDLE_MS);
  }, IDLE_SWEEP_INTERVAL_MS);
  sweeper.unref();

  async function close(): Promise<void> {
    clearInterval(sweeper);
    const stopped = new Promise<void>((resolve) => httpServer.close(() => resolve()));
    // Held calls are refused (their requests end as abandoned) and the refusals given
    // time to reach the agents before the connections are cut.
    await approvals.close();
    await responses.drain(CLOSE_GRACE_MS);
    httpServer.closeAllConnections();
    await stopped;
    await sessions.closeAll();
    sessionDirectory.stop();
    relayAgent.destroy();
    await stdioPool.close();
    await Promise.all([audit.close(), syncQueue.close()]);
    subscriber.disconnect();
    redis.disconnect();
    await db.$disconnect();
  }

  return { httpServer, deps, logger, close };
}
