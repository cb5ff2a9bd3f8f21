import { randomBytes } from "node:crypto";

// Tests use their own database so a developer's local data is never touched.
export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/gatehouse_test";
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
// Keeps a locally running worker from taking (and misfiling) the tests' audit jobs.
export const TEST_QUEUE_PREFIX = "gatehouse-test";
// Fixed, so every test process (and any worker among them) can open what another sealed.
export const TEST_ENCRYPTION_KEY = Buffer.from("gatehouse-test-encryption-key-32").toString("base64");

/** A suffix that keeps names unique across tests and runs sharing one database. */
export function uniqueSuffix(): string {
  return randomBytes(5).toString("hex");
}
