import type { Logger } from "@gatehouse/core/logging/create-logger";
import { probeDependencies, type Readiness } from "@gatehouse/core/ops/probe-dependencies";
import type { Db } from "@gatehouse/db/client";
import type { Redis } from "ioredis";
import type { AuditSink } from "../audit/audit-sink";

/**
 * The proxy's readiness: Postgres answers (grants load from it), Redis answers (counters, audit
 * queue, invalidation), and the audit spool has room. Failures are logged at debug: a balancer
 * polls often, and the 503 already names what failed.
 */
export function createProxyReadiness(options: {
  db: Db;
  redis: Redis;
  audit: AuditSink;
  logger: Logger;
}): () => Promise<Readiness> {
  const { db, redis, audit, logger } = options;
  return () =>
    probeDependencies({
      probes: {
        postgres: () => db.$queryRaw`SELECT 1`,
        redis: () => redis.ping(),
        audit_spool: async () => (audit.isSpoolNearlyFull ? "over_capacity" : "ok"),
      },
      onFailure: (dependency, error) => logger.debug({ err: error, dependency }, "readiness check failed"),
    });
}
