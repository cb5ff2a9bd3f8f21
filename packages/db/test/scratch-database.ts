import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { TEST_DATABASE_URL } from "@gatehouse/testing/test-env";
import pg from "pg";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const MIGRATIONS_DIR = path.join(REPO_ROOT, "prisma/migrations");
export const SCHEMA_PATH = path.join(REPO_ROOT, "prisma/schema.prisma");

/** The URL of another database on the test server (same host and credentials, other name). */
export function databaseUrl(name: string): string {
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A name no other test or run uses, so scratch databases never collide. */
export function scratchName(label: string): string {
  return `gatehouse_scratch_${label}_${randomBytes(4).toString("hex")}`;
}

/** Runs one statement on the server's maintenance database (for CREATE / DROP DATABASE). */
export async function onServer<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: databaseUrl("postgres") });
  await client.connect();
  try {
    return await client.query<T>(sql, values);
  } finally {
    await client.end();
  }
}

export async function databaseExists(name: string): Promise<boolean> {
  const result = await onServer("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
  return result.rowCount === 1;
}

export type ScratchDatabase = { name: string; url: string; drop: () => Promise<void> };

/** Creates an empty database with a unique name; `drop` removes it even if connections linger. */
export async function createScratchDatabase(label: string): Promise<ScratchDatabase> {
  const name = scratchName(label);
  await onServer(`CREATE DATABASE "${name}"`);
  return { name, url: databaseUrl(name), drop: () => dropDatabase(name) };
}

export async function dropDatabase(name: string): Promise<void> {
  await onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

/** Runs `sql` (one or many statements) against a database. */
export async function runSql(url: string, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}
