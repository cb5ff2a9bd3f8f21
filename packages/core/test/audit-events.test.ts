import { randomUUID } from "node:crypto";
import { type AuditEvent, AuditEventSchema } from "@gatehouse/core/audit/audit-event";
import { insertAuditEvents } from "@gatehouse/core/audit/insert-audit-events";
import { listAuditEvents } from "@gatehouse/core/audit/list-audit-events";
import { at, auditEvent as orgAuditEvent } from "@gatehouse/testing/audit-fixtures";
import { createTestAccount } from "@gatehouse/testing/create-test-account";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "./test-support";

const db = useTestDb();
let orgId: string;

beforeAll(async () => {
  ({ orgId } = await createTestAccount(db, "audit"));
});

/** One audit event; each test uses its own grantId so tests in the same org stay independent. */
function auditEvent(grantId: string, overrides: Partial<AuditEvent> = {}): AuditEvent {
  return orgAuditEvent(orgId, { grantId, ...overrides });
}

describe("insertAuditEvents", () => {
  it("stores a redelivered batch once", async () => {
    const grantId = `g-${randomUUID()}`;
    const batch = [auditEvent(grantId, { occurredAt: at(1) }), auditEvent(grantId, { occurredAt: at(2) })];
    expect(await insertAuditEvents({ db, events: batch })).toBe(2);
    expect(await insertAuditEvents({ db, events: batch })).toBe(0);
    const overlapping = [batch[1] as AuditEvent, auditEvent(grantId, { occurredAt: at(3) })];
    expect(await insertAuditEvents({ db, events: overlapping })).toBe(1);
    const rows = await db.auditEvent.findMany({ where: { grantId }, orderBy: { occurredAt: "asc" } });
    expect(rows.map((row) => row.occurredAt.toISOString())).toEqual([at(1), at(2), at(3)]);
    expect(rows[0]).toMatchObject({ ...batch[0], occurredAt: new Date(at(1)) });
  });
});

describe("AuditEventSchema", () => {
  it("carries how a held call's approval ended, and older events without it still parse", async () => {
    const grantId = `g-${randomUUID()}`;
    const approval = { approvalId: "apr_1", approvedBy: "Alice", approvalWaitMs: 4200 };
    const held = auditEvent(grantId, { decision: "require_approval", approvalStatus: "denied", ...approval });
    const plain = auditEvent(grantId, { occurredAt: at(1) });
    expect(AuditEventSchema.safeParse({ ...held, approvalStatus: "maybe" }).success).toBe(false);
    const events = [held, plain].map((event) => AuditEventSchema.parse(event));
    await insertAuditEvents({ db, events });
    const rows = await db.auditEvent.findMany({ where: { grantId }, orderBy: { occurredAt: "asc" } });
    expect(rows[0]).toMatchObject({ ...approval, approvalStatus: "denied" });
    expect(rows[1]).toMatchObject({
      approvalId: null,
      approvalStatus: null,
      approvedBy: null,
      approvalWaitMs: null,
    });
  });
});

describe("listAuditEvents", () => {
  it("lists newest first and filters by grant, tool and decision", async () => {
    const grantId = `g-${randomUUID()}`;
    const events = [
      auditEvent(grantId, { occurredAt: at(1), tool: "echo", decision: "allow" }),
      auditEvent(grantId, { occurredAt: at(2), tool: "get-sum", decision: "deny" }),
      auditEvent(grantId, { occurredAt: at(3), tool: "echo", decision: "deny" }),
      auditEvent(grantId, { occurredAt: at(4), tool: null, method: "tools/list", decision: "allow" }),
    ];
    const [first, second, third, fourth] = events.map((event) => event.id);
    await insertAuditEvents({ db, events });
    const ids = async (filter: Parameters<typeof listAuditEvents>[0]["filter"]) => {
      const page = await listAuditEvents({ db, orgId, filter: { grantId, ...filter } });
      expect(page.nextCursor).toBeNull();
      return page.events.map((event) => event.id);
    };
    expect(await ids({})).toEqual([fourth, third, second, first]);
    expect(await ids({ tool: "echo" })).toEqual([third, first]);
    expect(await ids({ decision: "deny" })).toEqual([third, second]);
    expect(await ids({ tool: "echo", decision: "allow" })).toEqual([first]);
    expect(await ids({ tool: "no-such-tool" })).toEqual([]);
    expect(await ids({ grantId: `g-${randomUUID()}` })).toEqual([]);
  });

  it("pages through every event exactly once, including events with the same timestamp", async () => {
    const grantId = `g-${randomUUID()}`;
    // Seven events, three of them sharing one instant, so the id tie-breaker is exercised at page edges.
    const times = [at(1), at(2), at(2), at(2), at(3), at(4), at(5)];
    const events = times.map((occurredAt) => auditEvent(grantId, { occurredAt }));
    await insertAuditEvents({ db, events });

    const seen: string[] = [];
    const pageSizes: number[] = [];
    let before: string | undefined;
    for (let page = 0; page < 10; page++) {
      const result = await listAuditEvents({ db, orgId, filter: { grantId, before }, pageSize: 3 });
      seen.push(...result.events.map((event) => event.id));
      pageSizes.push(result.events.length);
      if (!result.nextCursor) break;
      before = result.nextCursor;
    }
    expect(pageSizes).toEqual([3, 3, 1]);
    const expected = [...events]
      .sort((x, y) => y.occurredAt.localeCompare(x.occurredAt) || (y.id < x.id ? -1 : 1))
      .map((event) => event.id);
    expect(seen).toEqual(expected);
    expect(new Set(seen).size).toBe(7);
  });

  it("gives no cursor when the last page is exactly full", async () => {
    const grantId = `g-${randomUUID()}`;
    await insertAuditEvents({ db, events: [1, 2, 3].map((s) => auditEvent(grantId, { occurredAt: at(s) })) });
    const page = await listAuditEvents({ db, orgId, filter: { grantId }, pageSize: 3 });
    expect(page.events).toHaveLength(3);
    expect(page.nextCursor).toBeNull();
  });

  it.each([
    ["not base64 of a cursor", "%%%garbage%%%"],
    ["a cursor with a bad date", Buffer.from("yesterday|abc").toString("base64url")],
    ["a cursor without an id", Buffer.from("2026-03-01T12:00:00.000Z").toString("base64url")],
    [
      "a cursor whose id is not a UUID",
      Buffer.from("2026-03-01T12:00:09.000Z|not-a-uuid").toString("base64url"),
    ],
  ])("treats %s as the first page", async (_label, cursor) => {
    const grantId = `g-${randomUUID()}`;
    const events = [1, 2, 3, 4].map((s) => auditEvent(grantId, { occurredAt: at(s) }));
    await insertAuditEvents({ db, events });
    const first = await listAuditEvents({ db, orgId, filter: { grantId }, pageSize: 2 });
    const garbage = await listAuditEvents({ db, orgId, filter: { grantId, before: cursor }, pageSize: 2 });
    expect(garbage).toEqual(first);
    expect(garbage.events.map((event) => event.id)).toEqual([events[3]?.id, events[2]?.id]);
  });
});
