import { createDb } from "@gatehouse/db/client";
import { applyMigrations } from "@gatehouse/db/migrate/apply-migrations";
import { ensureDatabase } from "@gatehouse/db/migrate/ensure-database";
import { Redis } from "ioredis";
import { BENCH_DATABASE_URL, BENCH_QUEUE_PREFIX, BENCH_REDIS_URL } from "../bench-env";
import { MIGRATIONS_DIR } from "./paths";

const SCAN_BATCH = 500;

/**
 * Gives each run an empty `gatehouse_bench` database (dropped, created, migrated), so audit rows
 * of earlier runs neither pile up nor skew the worker's inserts, and an empty queue prefix.
 */
export async function prepareBenchStores(): Promise<void> {
  const adminUrl = new URL(BENCH_DATABASE_URL);
  const name = decodeURIComponent(adminUrl.pathname.slice(1));
  adminUrl.pathname = "/postgres";
  const admin = createDb(adminUrl.toString());
  try {
    await admin.$executeRawUnsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.$disconnect();
  }
  await ensureDatabase(BENCH_DATABASE_URL);
  await applyMigrations({ databaseUrl: BENCH_DATABASE_URL, migrationsDir: MIGRATIONS_DIR });
  await clearQueuePrefix(BENCH_QUEUE_PREFIX);
}

/** Deletes the keys under one of the benchmarks' queue prefixes, which only that benchmark uses. */
export async function clearQueuePrefix(prefix: string): Promise<void> {
  const redis = new Redis(BENCH_REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", SCAN_BATCH);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
}

/** Audit jobs not yet taken by the worker (waiting or running). */
export async function countAuditBacklog(): Promise<number> {
  const redis = new Redis(BENCH_REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    const key = (list: string) => `${BENCH_QUEUE_PREFIX}:audit-events:${list}`;
    const [waiting, active] = await Promise.all([redis.llen(key("wait")), redis.llen(key("active"))]);
    return waiting + active;
  } finally {
    redis.disconnect();
  }
}

/** Waits (bounded) for the worker to take every queued audit batch; the seconds it took, or null. */
export async function waitForAuditDrain(timeoutMs: number): Promise<number | null> {
  const startedMs = performance.now();
  while (performance.now() - startedMs < timeoutMs) {
    if ((await countAuditBacklog()) === 0) return (performance.now() - startedMs) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return null;
}
