import { randomUUID } from "node:crypto";
import { encodeAuditCursor } from "@gatehouse/core/audit/audit-cursor";
import type { AuditEvent } from "@gatehouse/core/audit/audit-event";
import { insertAuditEvents } from "@gatehouse/core/audit/insert-audit-events";
import { type AuditFilter, listAuditEvents } from "@gatehouse/core/audit/list-audit-events";
import { tailAuditEvents } from "@gatehouse/core/audit/tail-audit-events";
import { at, auditEvent } from "@gatehouse/testing/audit-fixtures";
import { createTestAccount } from "@gatehouse/testing/create-test-account";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "./test-support";

const db = useTestDb();
const [grantA, grantB, serverA, serverB] = ["grant-a", "grant-b", "server-a", "server-b"].map(
  (label) => `${label}-${randomUUID()}`,
) as [string, string, string, string];
let orgId: string;
let events: Record<"readFile" | "writeFile" | "list" | "email" | "coupon", AuditEvent>;

/** The ids of the organisation's events matching `filter`, newest first, checking there is one page. */
async function idsMatching(filter: AuditFilter, org = orgId): Promise<string[]> {
  const page = await listAuditEvents({ db, orgId: org, filter });
  expect(page.nextCursor).toBeNull();
  return page.events.map((event) => event.id);
}

beforeAll(async () => {
  ({ orgId } = await createTestAccount(db, "audit-filters"));
  const other = await createTestAccount(db, "audit-filters-other");
  const on = (grantId: string, serverId: string) => ({ orgId, grantId, serverId });
  events = {
    readFile: auditEvent(orgId, {
      ...on(grantA, serverA),
      occurredAt: at(1),
      tool: "read_file",
      argumentKeys: ["path", "Mode"],
    }),
    writeFile: auditEvent(orgId, {
      ...on(grantB, serverA),
      occurredAt: at(2),
      tool: "write_file",
      decision: "deny",
      argumentKeys: ["path", "content"],
    }),
    list: auditEvent(orgId, {
      ...on(grantA, serverB),
      occurredAt: at(3),
      tool: null,
      method: "tools/list",
      argumentKeys: [],
    }),
    email: auditEvent(orgId, {
      ...on(grantB, serverB),
      occurredAt: at(4),
      tool: "send_email",
      decision: "require_approval",
      argumentKeys: ["to", "subject_line"],
    }),
    coupon: auditEvent(orgId, {
      ...on(grantA, serverA),
      occurredAt: at(5),
      tool: "50%_off",
      decision: "deny",
      argumentKeys: ["user_id"],
    }),
  };
  // The same grant, server and tool in another organisation, and a request refused before any
  // grant was known (no organisation): neither may ever show in this organisation's log.
  const strangers = [
    auditEvent(other.orgId, { grantId: grantA, serverId: serverA, occurredAt: at(1), tool: "read_file" }),
    auditEvent(null, {
      grantId: grantA,
      serverId: serverA,
      occurredAt: at(2),
      tool: "read_file",
      decision: "deny",
    }),
  ];
  await insertAuditEvents({ db, events: [...Object.values(events), ...strangers] });
});

describe("listAuditEvents filters", () => {
  it.each<[string, AuditFilter, (keyof typeof events)[]]>([
    ["no filter", {}, ["coupon", "email", "list", "writeFile", "readFile"]],
    ["a time range (from inclusive, to exclusive)", { from: at(2), to: at(4) }, ["list", "writeFile"]],
    ["only from", { from: at(4) }, ["coupon", "email"]],
    ["only to", { to: at(2) }, ["readFile"]],
    ["grant", { grantId: grantA }, ["coupon", "list", "readFile"]],
    ["server", { serverId: serverB }, ["email", "list"]],
    ["exact tool", { tool: "read_file" }, ["readFile"]],
    ["exact tool, not a part of one", { tool: "file" }, []],
    ["decision", { decision: "deny" }, ["coupon", "writeFile"]],
    ["method", { method: "tools/list" }, ["list"]],
    ["text in a tool name, any case", { q: "FILE" }, ["writeFile", "readFile"]],
    ["text in an argument name", { q: "subject" }, ["email"]],
    ["text in an argument name, any case", { q: "mode" }, ["readFile"]],
    ["% and _ as themselves, not wildcards", { q: "%_" }, ["coupon"]],
    ["grant and decision together", { grantId: grantA, decision: "deny" }, ["coupon"]],
    ["server and search together", { serverId: serverA, q: "path" }, ["writeFile", "readFile"]],
  ])("narrows to %s", async (_label, filter, expected) => {
    expect(await idsMatching(filter)).toEqual(expected.map((name) => events[name].id));
  });

  it("reads a time given with an offset as the instant it names", async () => {
    const twoHoursAhead = (iso: string) => {
      const shifted = new Date(new Date(iso).getTime() + 2 * 3600_000).toISOString().slice(0, 19);
      return `${shifted}+02:00`;
    };
    expect(await idsMatching({ from: twoHoursAhead(at(2)), to: twoHoursAhead(at(4)) })).toEqual([
      events.list.id,
      events.writeFile.id,
    ]);
  });

  it("never lists another organisation's events, nor those without an organisation", async () => {
    expect(await idsMatching({ tool: "read_file" })).toEqual([events.readFile.id]);
    expect(await idsMatching({ grantId: grantA, decision: "deny" })).toEqual([events.coupon.id]);
    expect(await idsMatching({}, "no-such-org")).toEqual([]);
  });
});

describe("listAuditEvents pages", () => {
  it("continues from the cursor while newer events arrive, even among equal timestamps", async () => {
    const grantId = `g-${randomUUID()}`;
    const times = [at(10), at(11), at(11), at(11), at(11), at(12), at(13)];
    const older = times.map((occurredAt) => auditEvent(orgId, { grantId, occurredAt }));
    await insertAuditEvents({ db, events: older });
    const expected = [...older]
      .sort((x, y) => y.occurredAt.localeCompare(x.occurredAt) || (y.id < x.id ? -1 : 1))
      .map((event) => event.id);

    const seen: string[] = [];
    let before: string | undefined;
    for (let page = 0; page < 10; page++) {
      const result = await listAuditEvents({ db, orgId, filter: { grantId, before }, pageSize: 2 });
      seen.push(...result.events.map((event) => event.id));
      // Calls keep arriving while a person pages: they belong above the first page, not in later ones.
      await insertAuditEvents({ db, events: [auditEvent(orgId, { grantId, occurredAt: at(20 + page) })] });
      if (!result.nextCursor) break;
      before = result.nextCursor;
    }
    expect(seen).toEqual(expected);
  });
});

describe("tailAuditEvents", () => {
  it("gives the events newer than the cursor oldest first, a few at a time, skipping none", async () => {
    const grantId = `g-${randomUUID()}`;
    const [shown, ...newer] = [at(30), at(31), at(32), at(32), at(33)].map((occurredAt) =>
      auditEvent(orgId, { grantId, occurredAt }),
    ) as [AuditEvent, ...AuditEvent[]];
    await insertAuditEvents({ db, events: [shown, ...newer] });
    const expected = [...newer].sort(
      (x, y) => x.occurredAt.localeCompare(y.occurredAt) || (x.id < y.id ? -1 : 1),
    );

    let cursor: string | null = encodeAuditCursor({ occurredAt: new Date(shown.occurredAt), id: shown.id });
    const batches: string[][] = [];
    for (let poll = 0; poll < 4; poll++) {
      const tail = await tailAuditEvents({
        db,
        orgId,
        filter: { grantId },
        after: cursor ?? undefined,
        limit: 3,
      });
      batches.push(tail.events.map((event) => event.id));
      cursor = tail.cursor;
    }
    expect(batches).toEqual([
      expected.slice(0, 3).map((e) => e.id),
      expected.slice(3).map((e) => e.id),
      [],
      [],
    ]);
  });

  it("applies the filters and stays in the organisation", async () => {
    const start = encodeAuditCursor({
      occurredAt: new Date(events.readFile.occurredAt),
      id: events.readFile.id,
    });
    const tail = await tailAuditEvents({ db, orgId, filter: { grantId: grantA }, after: start, limit: 10 });
    expect(tail.events.map((event) => event.id)).toEqual([events.list.id, events.coupon.id]);
    expect(tail.cursor).toBe(
      encodeAuditCursor({ occurredAt: new Date(events.coupon.occurredAt), id: events.coupon.id }),
    );
  });
});
