import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { applyMigrations } from "@gatehouse/db/migrate/apply-migrations";
import { TEST_DATABASE_URL } from "@gatehouse/testing/test-env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeStructure, structureDifference } from "./describe-structure";
import {
  createScratchDatabase,
  MIGRATIONS_DIR,
  REPO_ROOT,
  runSql,
  SCHEMA_PATH,
  type ScratchDatabase,
} from "./scratch-database";

const require = createRequire(import.meta.url);
const run = promisify(execFile);
// Prisma's CLI exits only after its pg pool's 10 s idle timeout, so a run takes ~15 s.
const PRISMA_TIMEOUT_MS = 60_000;

/**
 * The SQL `prisma migrate diff` generates to create `schemaPath` from nothing. The CLI runs on its
 * JavaScript engine through prisma.config.ts's pg adapter, which needs an existing database.
 */
async function prismaCreateSql(schemaPath: string): Promise<string> {
  const cli = require.resolve("prisma/build/index.js");
  const args = ["migrate", "diff", "--from-empty", "--to-schema-datamodel", schemaPath, "--script"];
  const { stdout } = await run(process.execPath, [cli, ...args], {
    cwd: REPO_ROOT,
    timeout: PRISMA_TIMEOUT_MS,
    env: {
      ...process.env,
      DATABASE_URL: TEST_DATABASE_URL,
      PRISMA_QUERY_ENGINE_LIBRARY: "/bin/true",
      PRISMA_SCHEMA_ENGINE_BINARY: "/bin/true",
      CHECKPOINT_DISABLE: "1",
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
    },
  });
  expect(stdout).toContain("CREATE TABLE");
  return stdout;
}

/** A copy of the schema with one column and one index added, as if someone edited it without a migration. */
async function editedSchemaCopy(dir: string): Promise<string> {
  const schema = await readFile(SCHEMA_PATH, "utf8");
  const edited = schema.replace(
    /\n {2}email +String +@unique\n/,
    "\n  email String @unique\n  nickname     String?\n\n  @@index([name])\n",
  );
  expect(edited).not.toBe(schema);
  const copy = path.join(dir, "schema.prisma");
  await writeFile(copy, edited);
  return copy;
}

let fromMigrations: ScratchDatabase;
let fromSchema: ScratchDatabase;
let fromEditedSchema: ScratchDatabase;
let tempDir: string;

beforeAll(async () => {
  tempDir = await mkdtemp(path.join(os.tmpdir(), "gatehouse-drift-"));
  [fromMigrations, fromSchema, fromEditedSchema] = await Promise.all([
    createScratchDatabase("migrations"),
    createScratchDatabase("schema"),
    createScratchDatabase("edited"),
  ]);
  // The two CLI runs dominate this file's time, so they run side by side.
  const [schemaSql, editedSql] = await Promise.all([
    prismaCreateSql(SCHEMA_PATH),
    editedSchemaCopy(tempDir).then(prismaCreateSql),
    applyMigrations({ databaseUrl: fromMigrations.url, migrationsDir: MIGRATIONS_DIR }),
  ]);
  await runSql(fromSchema.url, schemaSql);
  await runSql(fromEditedSchema.url, editedSql);
}, 90_000);

afterAll(async () => {
  await Promise.all([fromMigrations?.drop(), fromSchema?.drop(), fromEditedSchema?.drop()]);
  if (tempDir) await rm(tempDir, { recursive: true, force: true });
});

describe("prisma/migrations and prisma/schema.prisma", () => {
  it("build exactly the same database structure", async () => {
    const migrated = await describeStructure(fromMigrations.url);
    const declared = await describeStructure(fromSchema.url);
    // A sanity floor, so an empty comparison (e.g. a query filtering out everything) cannot pass.
    expect(migrated.filter((line) => line.startsWith("table ")).length).toBeGreaterThanOrEqual(7);
    expect(migrated).toContain(
      'constraint Grant.Grant_serverId_fkey f: FOREIGN KEY ("serverId") REFERENCES "McpServer"(id) ON UPDATE CASCADE ON DELETE CASCADE',
    );
    const { onlyLeft, onlyRight } = structureDifference(migrated, declared);
    // On failure this prints what the migrations lack or have extra: add a migration with `npm run db:diff`.
    expect({ onlyInMigrations: onlyLeft, onlyInSchema: onlyRight }).toEqual({
      onlyInMigrations: [],
      onlyInSchema: [],
    });
  });

  it("would be caught drifting: a schema edit without a migration shows up as a difference", async () => {
    const migrated = await describeStructure(fromMigrations.url);
    const edited = await describeStructure(fromEditedSchema.url);
    expect(structureDifference(migrated, edited)).toEqual({
      onlyLeft: [],
      onlyRight: [
        "column User.nickname text NULL default=-",
        'index User_name_idx: CREATE INDEX "User_name_idx" ON public."User" USING btree (name)',
      ],
    });
  });
});
