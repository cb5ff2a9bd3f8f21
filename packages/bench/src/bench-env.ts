// The benchmark's own database, Redis queue prefix and key, so it never touches a developer's
// data or a test run's. Read once here, like packages/testing/src/test-env.ts.
const serverUrl = new URL(process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/gatehouse");
serverUrl.pathname = "/gatehouse_bench";

export const BENCH_DATABASE_URL = serverUrl.toString();
export const BENCH_REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
export const BENCH_QUEUE_PREFIX = "gatehouse-bench";
// Fixed, so the seeding process and the proxy open what the other sealed.
export const BENCH_ENCRYPTION_KEY = Buffer.from("gatehouse-bench-encryption-key32").toString("base64");
