import { createServer } from "node:http";
import type { Logger } from "@gatehouse/core/logging/create-logger";
import { probeDependencies } from "@gatehouse/core/ops/probe-dependencies";
import { serveOpsRequest } from "@gatehouse/core/ops/serve-ops-request";
import type { Db } from "@gatehouse/db/client";
import type { Worker } from "bullmq";
import { Redis } from "ioredis";
import type { WorkerEnv } from "../env";
import { createWorkerMetrics } from "./worker-metrics";

/**
 * Starts the worker's operator endpoints on WORKER_HEALTH_HOST:`port`: `/healthz`, `/readyz`
 * (Postgres and Redis answer) and `/metrics`. Resolves once listening.
 */
export async function startOpsServer(options: {
  env: WorkerEnv;
  port: number;
  db: Db;
  workers: Record<string, Worker>;
  auditQueue: string;
  logger: Logger;
}) {
  const { env, db, logger } = options;
  // Fails fast while Redis is away, so a readiness probe answers instead of queueing its PING.
  const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 0, enableOfflineQueue: false });
  redis.on("error", (error) => logger.debug({ err: error }, "ops connection to Redis failed"));
  const metrics = createWorkerMetrics({ ...options, connection: redis, prefix: env.GATEHOUSE_QUEUE_PREFIX });
  const ops = {
    metrics: metrics.registry,
    metricsToken: env.GATEHOUSE_METRICS_TOKEN,
    readiness: () =>
      probeDependencies({
        probes: { postgres: () => db.$queryRaw`SELECT 1`, redis: () => redis.ping() },
        onFailure: (dependency, error) => logger.debug({ err: error, dependency }, "readiness check failed"),
      }),
  };
  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? "/", "http://worker.invalid");
    if (!serveOpsRequest(ops, { req, res, pathname }))
      res
        .writeHead(404, { "content-type": "text/plain" })
        .end("Not found: try /healthz, /readyz or /metrics.\n");
  });
  await new Promise<void>((resolve) => server.listen(options.port, env.WORKER_HEALTH_HOST, resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  logger.info({ url: `http://${env.WORKER_HEALTH_HOST}:${port}` }, "worker health and metrics listening");

  async function close(): Promise<void> {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Scrapers keep connections alive; nothing they wait for is worth holding a shutdown.
    server.closeAllConnections();
    await closed;
    await metrics.close();
    redis.disconnect();
  }

  return { url: `http://${env.WORKER_HEALTH_HOST}:${port}`, close };
}
