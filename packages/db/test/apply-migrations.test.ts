import { createHash } from "node:crypto";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { applyMigrations } from "@gatehouse/db/migrate/apply-migrations";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { createScratchDatabase, MIGRATIONS_DIR, runSql, type ScratchDatabase } from "./scratch-database";

const scratch: ScratchDatabase[] = [];
const tempDirs: string[] = [];

afterEach(async () => {
  await Promise.all(scratch.splice(0).map((db) => db.drop()));
});

afterAll(async () => {
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function scratchDatabase(label: string): Promise<ScratchDatabase> {
  const db = await createScratchDatabase(label);
  scratch.push(db);
  return db;
}

/** A private copy of prisma/migrations that a test may edit. */
async function migrationsCopy(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "gatehouse-migrations-"));
  tempDirs.push(dir);
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

async function migrationNames(): Promise<string[]> {
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

async function recorded(url: string) {
  const result = await runSql(
    url,
    `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, rolled_back_at, applied_steps_count
     FROM "_prisma_migrations" ORDER BY migration_name`,
  );
  return result.rows as {
    migration_name: string;
    checksum: string;
    finished: boolean;
    rolled_back_at: Date | null;
    applied_steps_count: number;
  }[];
}

async function tableExists(url: string, table: string): Promise<boolean> {
  const result = await runSql(url, `SELECT to_regclass('public."${table}"') IS NOT NULL AS found`);
  return result.rows[0]?.found === true;
}

describe("applyMigrations", () => {
  it("applies every migration once, records it with its SHA-256, and applies nothing the second time", async () => {
    const db = await scratchDatabase("apply");
    const names = await migrationNames();
    expect(names.length).toBeGreaterThan(0);

    const first = await applyMigrations({ databaseUrl: db.url, migrationsDir: MIGRATIONS_DIR });
    expect(first).toEqual({ applied: names, alreadyApplied: 0 });
    const second = await applyMigrations({ databaseUrl: db.url, migrationsDir: MIGRATIONS_DIR });
    expect(second).toEqual({ applied: [], alreadyApplied: names.length });

    const expected = await Promise.all(
      names.map(async (name) => ({
        migration_name: name,
        checksum: createHash("sha256")
          .update(await readFile(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8"))
          .digest("hex"),
        finished: true,
        rolled_back_at: null,
        applied_steps_count: 1,
      })),
    );
    expect(await recorded(db.url)).toEqual(expected);
    expect(await tableExists(db.url, "Grant")).toBe(true);
  });

  it("lets concurrent runners apply each migration exactly once", async () => {
    const db = await scratchDatabase("concurrent");
    const names = await migrationNames();
    const results = await Promise.all(
      [1, 2, 3].map(() => applyMigrations({ databaseUrl: db.url, migrationsDir: MIGRATIONS_DIR })),
    );
    expect(results.flatMap((result) => result.applied).sort()).toEqual(names);
    expect((await recorded(db.url)).map((row) => row.migration_name)).toEqual(names);
  });

  it("refuses to continue when an applied migration was edited afterwards", async () => {
    const db = await scratchDatabase("edited");
    const dir = await migrationsCopy();
    const [firstName] = await migrationNames();
    await applyMigrations({ databaseUrl: db.url, migrationsDir: dir });
    const file = path.join(dir, firstName ?? "", "migration.sql");
    await writeFile(file, `${await readFile(file, "utf8")}\n-- a harmless-looking edit\n`);

    await expect(applyMigrations({ databaseUrl: db.url, migrationsDir: dir })).rejects.toThrow(
      `Migration ${firstName} was edited after it was applied (checksum differs). Restore its original SQL and add a new migration instead.`,
    );
  });

  it("rolls back a failing migration, records nothing for it, and applies it once fixed", async () => {
    const db = await scratchDatabase("failing");
    const dir = await migrationsCopy();
    const names = await migrationNames();
    const broken = "99991231000000_broken";
    await mkdir(path.join(dir, broken));
    const sql = (tail: string) =>
      `CREATE TABLE "HalfDone" ("id" TEXT PRIMARY KEY);\nINSERT INTO "HalfDone" VALUES ('x');\n${tail}\n`;
    await writeFile(path.join(dir, broken, "migration.sql"), sql('SELECT * FROM "NoSuchTable";'));

    await expect(applyMigrations({ databaseUrl: db.url, migrationsDir: dir })).rejects.toThrow(
      `Migration ${broken} failed and was rolled back: relation "NoSuchTable" does not exist`,
    );
    // The earlier migrations committed on their own; the broken one left nothing behind.
    expect((await recorded(db.url)).map((row) => row.migration_name)).toEqual(names);
    expect(await tableExists(db.url, "HalfDone")).toBe(false);

    await writeFile(path.join(dir, broken, "migration.sql"), sql("SELECT 1;"));
    expect(await applyMigrations({ databaseUrl: db.url, migrationsDir: dir })).toEqual({
      applied: [broken],
      alreadyApplied: names.length,
    });
    expect(await tableExists(db.url, "HalfDone")).toBe(true);
  });
});
