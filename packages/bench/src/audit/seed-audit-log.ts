import type { Db } from "@gatehouse/db/client";
import type { Prisma } from "@gatehouse/db/models";
import { step } from "../progress";
import { insertSeedChunk } from "./insert-seed-chunk";
import { benchOrgId, INGEST_ORG_ID, ORG_COUNT } from "./seed-shape";

const CHUNK_EVENTS = 500_000;
// Seeding ten million events takes minutes on a small machine; Prisma's default is 5 s.
const SEED_TIMEOUT_MS = 2 * 60 * 60_000;

export type SeedOutcome = { events: number; isFresh: boolean; seconds: number };

/**
 * Makes the benchmark database hold exactly `events` seeded audit events: kept when it already
 * does (unless `reseed`), otherwise replaced. Leftovers of an interrupted ingest run are removed
 * first, so they neither count as seed nor force a reseed.
 */
export async function seedAuditLog(options: {
  db: Db;
  events: number;
  reseed: boolean;
}): Promise<SeedOutcome> {
  const { db, events } = options;
  const startedMs = performance.now();
  await createOrganisations(db);
  await db.auditEvent.deleteMany({ where: { orgId: INGEST_ORG_ID } });
  const found = await db.auditEvent.count();
  if (found === events && !options.reseed) {
    return { events, isFresh: false, seconds: (performance.now() - startedMs) / 1000 };
  }
  step(`seeding ${events.toLocaleString("en")} audit events (found ${found.toLocaleString("en")})`);
  await db.$transaction((tx) => replaceEvents(tx, events), { timeout: SEED_TIMEOUT_MS });
  step("vacuuming and analysing the seeded table");
  // Sets the visibility map (index-only scans) and planner statistics, as autovacuum would
  // eventually do on a table that grew slowly.
  await db.$executeRawUnsafe(`VACUUM ANALYZE "AuditEvent"`);
  return { events, isFresh: true, seconds: (performance.now() - startedMs) / 1000 };
}

async function createOrganisations(db: Db): Promise<void> {
  const ids = [...Array.from({ length: ORG_COUNT }, (_, index) => benchOrgId(index + 1)), INGEST_ORG_ID];
  await db.organization.createMany({
    data: ids.map((id) => ({ id, name: `Audit bench ${id.replace("bench-org-", "")}` })),
    skipDuplicates: true,
  });
}

/**
 * Empties the table and bulk-loads it with its indexes dropped, rebuilding them at the end: one
 * sorted build per index is many times faster than ten million scattered index insertions. It all
 * runs in one transaction, so an interrupted seed leaves the table (and its indexes) as it was.
 */
async function replaceEvents(tx: Prisma.TransactionClient, events: number): Promise<void> {
  // Every event's organisation exists (created above); checking ten million foreign keys one
  // row at a time would take longer than the insert itself.
  await tx.$executeRawUnsafe("SET LOCAL session_replication_role = replica");
  await tx.$executeRawUnsafe("SET LOCAL maintenance_work_mem = '512MB'");
  const indexes = await readIndexes(tx);
  await tx.$executeRawUnsafe(`TRUNCATE "AuditEvent"`);
  for (const index of indexes) await tx.$executeRawUnsafe(index.drop);
  const endsAt = new Date();
  for (let first = 1; first <= events; first += CHUNK_EVENTS) {
    const last = Math.min(events, first + CHUNK_EVENTS - 1);
    await insertSeedChunk(tx, { first, last, total: events, endsAt });
    step(`  ${last.toLocaleString("en")} events inserted`);
  }
  for (const index of indexes) {
    await tx.$executeRawUnsafe(index.create);
    step(`  rebuilt ${index.name}`);
  }
}

type IndexStatements = { name: string; drop: string; create: string };

/** The table's indexes as the migrations left them (constraints as constraints), to drop and rebuild. */
async function readIndexes(tx: Prisma.TransactionClient): Promise<IndexStatements[]> {
  const constraints = await tx.$queryRaw<{ name: string; definition: string }[]>`
    SELECT conname::text AS name, pg_get_constraintdef(oid) AS definition
    FROM pg_constraint WHERE conrelid = '"AuditEvent"'::regclass AND contype IN ('p', 'u')`;
  const indexes = await tx.$queryRaw<{ name: string; definition: string }[]>`
    SELECT indexname::text AS name, indexdef AS definition
    FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'AuditEvent'`;
  const constraintNames = new Set(constraints.map((constraint) => constraint.name));
  return [
    ...constraints.map(({ name, definition }) => ({
      name,
      drop: `ALTER TABLE "AuditEvent" DROP CONSTRAINT "${name}"`,
      create: `ALTER TABLE "AuditEvent" ADD CONSTRAINT "${name}" ${definition}`,
    })),
    ...indexes
      .filter((index) => !constraintNames.has(index.name))
      .map(({ name, definition }) => ({ name, drop: `DROP INDEX "${name}"`, create: definition })),
  ];
}

/** The audit table's size on disk: its rows (with TOAST) and its indexes. */
export async function measureTable(db: Db): Promise<{ tableBytes: number; indexBytes: number }> {
  const [sizes] = await db.$queryRaw<{ tableBytes: bigint; indexBytes: bigint }[]>`
    SELECT pg_table_size('"AuditEvent"') AS "tableBytes", pg_indexes_size('"AuditEvent"') AS "indexBytes"`;
  return { tableBytes: Number(sizes?.tableBytes ?? 0), indexBytes: Number(sizes?.indexBytes ?? 0) };
}
