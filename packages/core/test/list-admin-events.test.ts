import { type AdminEventFilter, listAdminEvents } from "@gatehouse/core/admin-trail/list-admin-events";
import { ADMIN_ACTION_TARGETS, type AdminAction } from "@gatehouse/core/admin-trail/record-admin-event";
import { createTestAccount } from "@gatehouse/testing/create-test-account";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "./test-support";

const db = useTestDb();
const T0 = new Date("2031-03-01T09:00:00.000Z");
let orgId: string;
let otherOrgId: string;

/** Ids of the trail's events in order, as listed page by page with the given page size. */
async function walk(filter: Omit<AdminEventFilter, "before">, pageSize: number, inOrg = orgId) {
  const ids: string[] = [];
  let before: string | undefined;
  do {
    const page = await listAdminEvents({ db, orgId: inOrg, filter: { ...filter, before }, pageSize });
    ids.push(...page.events.map((event) => event.id));
    if (ids.length > 100) throw new Error("The pages never end: a cursor repeats events.");
    before = page.nextCursor ?? undefined;
  } while (before);
  return ids;
}

/** Stores an event at a given time (and id, to control ties), as recordAdminEvent would. */
function seed(id: string, minute: number, action: AdminAction, actorName: string, inOrg = orgId) {
  return db.adminEvent.create({
    data: {
      id: `${inOrg}-${id}`,
      orgId: inOrg,
      occurredAt: new Date(T0.getTime() + minute * 60_000),
      actorType: actorName.startsWith("API key") ? "api_key" : "user",
      actorName,
      action,
      targetType: ADMIN_ACTION_TARGETS[action],
    },
  });
}

beforeAll(async () => {
  const [account, other] = await Promise.all([
    createTestAccount(db, "trail-list"),
    createTestAccount(db, "trail-list-other"),
  ]);
  ({ orgId } = account);
  otherOrgId = other.orgId;
  // Sign-ups are on the trail too; these tests look only at the events seeded here.
  await db.adminEvent.deleteMany({ where: { orgId: { in: [orgId, otherOrgId] } } });
  await seed("a", 0, "server.registered", "Ada Lovelace");
  await seed("b", 1, "grant.created", "API key CI deploy");
  // Two events in the same instant: the id decides their order, so no page repeats or skips one.
  await seed("c", 2, "grant.revoked", "Ada Lovelace");
  await seed("d", 2, "grant.created", "Grace Hopper");
  await seed("e", 3, "policy.saved", "API key nightly");
  await seed("x", 1, "grant.created", "Ada Lovelace", otherOrgId);
});

const ids = (...letters: string[]) => letters.map((letter) => `${orgId}-${letter}`);

describe("listAdminEvents", () => {
  it("lists the organisation's events newest first, the same across page sizes", async () => {
    const everything = ids("e", "d", "c", "b", "a");
    expect(await walk({}, 50)).toEqual(everything);
    expect(await walk({}, 2)).toEqual(everything);
    expect(await walk({}, 1)).toEqual(everything);
  });

  it("keeps a page's cursor stable while newer events arrive", async () => {
    const first = await listAdminEvents({ db, orgId, filter: {}, pageSize: 2 });
    expect(first.events.map((event) => event.id)).toEqual(ids("e", "d"));
    await seed("f", 10, "webhook.saved", "Ada Lovelace");
    const next = await listAdminEvents({
      db,
      orgId,
      filter: { before: first.nextCursor ?? "" },
      pageSize: 2,
    });
    expect(next.events.map((event) => event.id)).toEqual(ids("c", "b"));
    await db.adminEvent.delete({ where: { id: ids("f")[0] } });
  });

  it("filters by action, and by any part of the actor's name in any case", async () => {
    expect(await walk({ action: "grant.created" }, 1)).toEqual(ids("d", "b"));
    expect(await walk({ actor: "ada" }, 1)).toEqual(ids("c", "a"));
    expect(await walk({ actor: "api KEY" }, 50)).toEqual(ids("e", "b"));
    expect(await walk({ action: "grant.created", actor: "hopper" }, 50)).toEqual(ids("d"));
    expect(await walk({ action: "webhook.deleted" }, 50)).toEqual([]);
  });

  it("never lists another organisation's events, even given its cursor", async () => {
    expect(await walk({}, 50, otherOrgId)).toEqual([`${otherOrgId}-x`]);
    const page = await listAdminEvents({ db, orgId: otherOrgId, filter: {}, pageSize: 1 });
    expect(page.nextCursor).toBeNull();
    const mine = await listAdminEvents({ db, orgId, filter: {}, pageSize: 1 });
    const crossed = await listAdminEvents({
      db,
      orgId: otherOrgId,
      filter: { before: mine.nextCursor ?? "" },
    });
    expect(crossed.events.map((event) => event.orgId)).toEqual([otherOrgId]);
  });

  it.each([
    ["not base64 JSON", "%%%"],
    ["JSON of the wrong shape", Buffer.from('{"at":1}').toString("base64url")],
    ["an invalid time", Buffer.from('["yesterday","id"]').toString("base64url")],
  ])("starts from the newest event given a cursor that is %s", async (_label, before) => {
    const page = await listAdminEvents({ db, orgId, filter: { before }, pageSize: 1 });
    expect(page.events.map((event) => event.id)).toEqual(ids("e"));
  });
});
