import { randomUUID } from "node:crypto";
import type { AuditEvent } from "@gatehouse/core/audit/audit-event";
import { insertAuditEvents } from "@gatehouse/core/audit/insert-audit-events";
import { setAuditRetention } from "@gatehouse/core/audit/set-audit-retention";
import { createLogger } from "@gatehouse/core/logging/create-logger";
import { createDb } from "@gatehouse/db/client";
import { at, auditEvent } from "@gatehouse/testing/audit-fixtures";
import { createTestAccount } from "@gatehouse/testing/create-test-account";
import { eventually } from "@gatehouse/testing/eventually";
import { TEST_DATABASE_URL, TEST_REDIS_URL, uniqueSuffix } from "@gatehouse/testing/test-env";
import { Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { createWorker } from "../src/create-worker";
import { AUDIT_RETENTION_QUEUE, enforceAuditRetention } from "../src/jobs/enforce-audit-retention";
import { createTestWorker } from "./create-test-worker";

// Every run deletes what is expired in the whole shared test database, as in production; no
// test relies on events older than 90 days, so that is safe. This file's own events are old.
const DAY_S = 24 * 60 * 60;
const prefix = `gatehouse-retention-test-${uniqueSuffix()}`;
const db = createDb(TEST_DATABASE_URL);
const logger = createLogger({ name: "retention-test", level: "silent" });
const queue = new Queue(AUDIT_RETENTION_QUEUE, { connection: { url: TEST_REDIS_URL }, prefix });
let worker: ReturnType<typeof createWorker>;

beforeAll(async () => {
  worker = createTestWorker({ prefix });
  // Scheduling starts the catalogue sweep too; re-syncing every server in the shared test
  // database is not this file's business, so nothing here consumes it.
  await worker.catalogue.close();
  await worker.retention.waitUntilReady();
});

afterAll(async () => {
  await worker?.close();
  await queue.obliterate({ force: true });
  await queue.close();
  await db.$disconnect();
});

/** An event of the organisation (null: refused before any grant was known) dated `days` back. */
function eventDaysAgo(orgId: string | null, grantId: string, days: number): AuditEvent {
  return auditEvent(orgId, { grantId, occurredAt: at(-days * DAY_S) });
}

/** How many days back each of the grant's remaining events is, oldest first. */
async function remainingDays(grantId: string): Promise<number[]> {
  const rows = await db.auditEvent.findMany({ where: { grantId }, orderBy: { occurredAt: "asc" } });
  return rows.map((row) => Math.round((Date.now() - row.occurredAt.getTime()) / (DAY_S * 1000)));
}

describe("audit retention", () => {
  it("deletes each organisation's events older than its retention, in chunks, and keeps the rest", async () => {
    const [shortLived, longLived] = await Promise.all([
      createTestAccount(db, "retention-30"),
      createTestAccount(db, "retention-3650"),
    ]);
    await setAuditRetention({ db, orgId: shortLived.orgId, actor: shortLived.actor, days: 30 });
    await setAuditRetention({ db, orgId: longLived.orgId, actor: longLived.actor, days: 3650 });
    const [short, long, unattributed] = [randomUUID(), randomUUID(), randomUUID()];
    await insertAuditEvents({
      db,
      events: [
        // Seven expired events with chunks of three: the job must go on past a full chunk.
        ...Array.from({ length: 7 }, () => eventDaysAgo(shortLived.orgId, short, 40)),
        eventDaysAgo(shortLived.orgId, short, 20),
        eventDaysAgo(longLived.orgId, long, 4000),
        eventDaysAgo(longLived.orgId, long, 40),
        eventDaysAgo(null, unattributed, 100),
        eventDaysAgo(null, unattributed, 10),
      ],
    });

    const { deleted } = await enforceAuditRetention({ db, logger, now: new Date(), chunkSize: 3 });
    expect(deleted).toBeGreaterThanOrEqual(9);
    expect(await remainingDays(short)).toEqual([20]);
    expect(await remainingDays(long)).toEqual([40]);
    expect(await remainingDays(unattributed)).toEqual([10]);
  });

  it("runs on the worker's schedule", async () => {
    const account = await createTestAccount(db, "retention-scheduled");
    await setAuditRetention({ db, orgId: account.orgId, actor: account.actor, days: 1 });
    const grantId = randomUUID();
    await insertAuditEvents({
      db,
      events: [eventDaysAgo(account.orgId, grantId, 2), eventDaysAgo(account.orgId, grantId, 0)],
    });
    await worker.scheduleSweeps();
    const [scheduler] = await queue.getJobSchedulers();
    expect(scheduler).toMatchObject({ key: "audit-retention", every: 60 * 60_000 });
    // A new schedule's first run is due at once.
    await eventually(async () => expect(await remainingDays(grantId)).toEqual([0]));
  });
});
