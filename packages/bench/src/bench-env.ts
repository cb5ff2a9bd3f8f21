// The benchmark's own database, Redis queue prefix and key, so it never touches a developer's
// data or a test run's. Read once here, like packages/testing/src/test-env.ts.
const serverUrl = new URL(process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/gatehouse");

function databaseOnServer(name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export const BENCH_DATABASE_URL = databaseOnServer("gatehouse_bench");
export const BENCH_REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
export const BENCH_QUEUE_PREFIX = "gatehouse-bench";
// Fixed, so the seeding process and the proxy open what the other sealed.
export const BENCH_ENCRYPTION_KEY = Buffer.from("gatehouse-bench-encryption-key32").toString("base64");

// The audit benchmark's own database: `npm run bench` drops gatehouse_bench on every run, and
// ten million seeded events are worth keeping between runs.
export const AUDIT_BENCH_DATABASE_URL = databaseOnServer("gatehouse_audit_bench");
export const AUDIT_BENCH_QUEUE_PREFIX = "gatehouse-audit-bench";
