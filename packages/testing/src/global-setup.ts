import path from "node:path";
import { fileURLToPath } from "node:url";
import { applyMigrations } from "@gatehouse/db/migrate/apply-migrations";
import { ensureDatabase } from "@gatehouse/db/migrate/ensure-database";
import { TEST_DATABASE_URL } from "./test-env";

const MIGRATIONS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../prisma/migrations",
);

/** Vitest global setup: the test database exists and is migrated before any test runs. */
export default async function setup(): Promise<void> {
  await ensureDatabase(TEST_DATABASE_URL);
  await applyMigrations({ databaseUrl: TEST_DATABASE_URL, migrationsDir: MIGRATIONS_DIR });
}
