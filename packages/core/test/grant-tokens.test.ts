import { createGrant } from "@gatehouse/core/grants/create-grant";
import { hashGrantToken, looksLikeGrantToken } from "@gatehouse/core/grants/grant-token";
import { revokeGrant } from "@gatehouse/core/grants/revoke-grant";
import { rotateGrantToken } from "@gatehouse/core/grants/rotate-grant-token";
import { setGrantExpiry } from "@gatehouse/core/grants/set-grant-expiry";
import { createTestAccount } from "@gatehouse/testing/create-test-account";
import { beforeAll, describe, expect, it } from "vitest";
import { gatehouseFailure, recordingNotifier, registerTestServer, useTestDb } from "./test-support";

const db = useTestDb();
let account: Awaited<ReturnType<typeof createTestAccount>>;
let serverId: string;

const DENY_ALL = '{ "version": "1", "default": "deny" }';
const HOUR_MS = 3_600_000;

beforeAll(async () => {
  account = await createTestAccount(db, "grant-tokens");
  serverId = await registerTestServer(db, account);
});

function grant(expiresAt?: Date | string | null) {
  return createGrant({
    db,
    orgId: account.orgId,
    actor: account.actor,
    input: { serverId, name: "rotating agent", policy: DENY_ALL, expiresAt },
  });
}

function rotate(grantId: string, gracePeriodSeconds: number, notifier = recordingNotifier()) {
  const scope = { db, notify: notifier.notify, orgId: account.orgId, actor: account.actor };
  return rotateGrantToken({ ...scope, grantId, gracePeriodSeconds });
}

function setExpiry(grantId: string, expiresAt: Date | string | null, orgId = account.orgId) {
  const { notify } = recordingNotifier();
  return setGrantExpiry({ db, notify, orgId, actor: account.actor, grantId, expiresAt });
}

describe("rotateGrantToken", () => {
  it("issues a new token, keeps the old one for the grace period and tells the proxies", async () => {
    const { grantId, token: oldToken } = await grant();
    const notifier = recordingNotifier();
    const before = Date.now();
    const rotated = await rotate(grantId, 3600, notifier);
    expect(looksLikeGrantToken(rotated.token)).toBe(true);
    expect(rotated.token).not.toBe(oldToken);
    const row = await db.grant.findUniqueOrThrow({ where: { id: grantId } });
    expect(row).toMatchObject({
      tokenHash: hashGrantToken(rotated.token),
      tokenPrefix: rotated.token.slice(0, 10),
      previousTokenHash: hashGrantToken(oldToken),
    });
    const graceEndMs = row.previousTokenExpiresAt?.getTime() ?? 0;
    expect(graceEndMs).toBeGreaterThanOrEqual(before + HOUR_MS);
    expect(graceEndMs).toBeLessThanOrEqual(Date.now() + HOUR_MS);
    expect(row.tokenRotatedAt).not.toBeNull();
    expect(notifier.changes).toEqual([
      { kind: "grant_changed", grantId, tokenHash: hashGrantToken(oldToken) },
    ]);
    expect(rotated.isPropagated).toBe(true);
  });

  it("records who rotated, with prefixes and the grace period but never a token", async () => {
    const { grantId, token: oldToken } = await grant();
    const { token } = await rotate(grantId, 0);
    const event = await db.adminEvent.findFirstOrThrow({
      where: { orgId: account.orgId, targetId: grantId, action: "grant.token_rotated" },
    });
    expect(event.details).toEqual({
      tokenPrefix: token.slice(0, 10),
      previousTokenPrefix: oldToken.slice(0, 10),
      gracePeriodSeconds: 0,
      previousTokenExpiresAt: null,
    });
    expect(JSON.stringify(event)).not.toContain(token);
    expect(JSON.stringify(event)).not.toContain(oldToken);
  });

  it("with no grace period, keeps no previous token at all", async () => {
    const { grantId } = await grant();
    await rotate(grantId, 0);
    const row = await db.grant.findUniqueOrThrow({ where: { id: grantId } });
    expect(row).toMatchObject({ previousTokenHash: null, previousTokenExpiresAt: null });
  });

  it("a second rotation replaces the previous token: the first one stops", async () => {
    const { grantId, token: first } = await grant();
    const { token: second } = await rotate(grantId, 86_400);
    const { token: third } = await rotate(grantId, 3600);
    const row = await db.grant.findUniqueOrThrow({ where: { id: grantId } });
    expect(row.tokenHash).toBe(hashGrantToken(third));
    expect(row.previousTokenHash).toBe(hashGrantToken(second));
    expect(row.previousTokenHash).not.toBe(hashGrantToken(first));
    expect((row.previousTokenExpiresAt?.getTime() ?? 0) - Date.now()).toBeLessThanOrEqual(HOUR_MS);
  });

  it("refuses a revoked grant", async () => {
    const { grantId } = await grant();
    const { notify } = recordingNotifier();
    await revokeGrant({ db, notify, orgId: account.orgId, actor: account.actor, grantId });
    expect(await gatehouseFailure(rotate(grantId, 0))).toMatchObject({
      code: "conflict",
      message: "This grant is revoked; create a new grant instead of rotating.",
    });
  });

  it.each([
    [-1, "cannot be negative"],
    [604_801, "at most 7 days"],
    [1.5, "whole number"],
  ])("refuses a grace period of %s seconds", async (seconds, message) => {
    const { grantId } = await grant();
    const failure = await gatehouseFailure(rotate(grantId, seconds));
    expect(failure.code).toBe("invalid_input");
    expect(failure.fieldErrors[0]?.message).toContain(message);
  });

  it("treats another organisation's grant as not found", async () => {
    const { grantId } = await grant();
    const other = await createTestAccount(db, "grant-tokens-other");
    const { notify } = recordingNotifier();
    const failure = await gatehouseFailure(
      rotateGrantToken({
        db,
        notify,
        orgId: other.orgId,
        actor: other.actor,
        grantId,
        gracePeriodSeconds: 0,
      }),
    );
    expect(failure.code).toBe("not_found");
  });
});

describe("grant expiry", () => {
  it("can be set at creation and is recorded with the grant", async () => {
    const expiresAt = new Date(Date.now() + 24 * HOUR_MS);
    const { grantId } = await grant(expiresAt.toISOString());
    const row = await db.grant.findUniqueOrThrow({ where: { id: grantId } });
    expect(row.expiresAt?.toISOString()).toBe(expiresAt.toISOString());
  });

  it("refuses a creation time in the past, next to the field", async () => {
    const failure = await gatehouseFailure(grant(new Date(Date.now() - 1000)));
    expect(failure.code).toBe("invalid_input");
    expect(failure.fieldErrors).toEqual([
      { field: "expiresAt", message: expect.stringContaining("Choose a time in the future") },
    ]);
  });

  it("can be changed, extended after expiring, and cleared, each change in the admin trail", async () => {
    const { grantId } = await grant();
    const later = new Date(Date.now() + 2 * HOUR_MS);
    await setExpiry(grantId, later);
    // A grant that has expired can still be extended.
    await db.grant.update({ where: { id: grantId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await setExpiry(grantId, later.toISOString());
    await setExpiry(grantId, null);
    const row = await db.grant.findUniqueOrThrow({ where: { id: grantId } });
    expect(row.expiresAt).toBeNull();
    const events = await db.adminEvent.findMany({
      where: { orgId: account.orgId, targetId: grantId, action: "grant.expiry_changed" },
      orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
    });
    expect(events.map((event) => event.details)).toEqual([
      { fromExpiresAt: null, toExpiresAt: later.toISOString() },
      { fromExpiresAt: expect.any(String), toExpiresAt: later.toISOString() },
      { fromExpiresAt: later.toISOString(), toExpiresAt: null },
    ]);
  });

  it.each([
    ["a time in the past", new Date(Date.now() - 60_000).toISOString(), "Choose a time in the future"],
    ["text that is no date", "next tuesday", "Enter a date and time"],
  ])("refuses %s", async (_label, value, message) => {
    const { grantId } = await grant();
    const failure = await gatehouseFailure(setExpiry(grantId, value));
    expect(failure).toMatchObject({ code: "invalid_input" });
    expect(failure.fieldErrors).toEqual([{ field: "expiresAt", message: expect.stringContaining(message) }]);
  });

  it("refuses a revoked grant and another organisation's grant", async () => {
    const { grantId } = await grant();
    const { notify } = recordingNotifier();
    const future = new Date(Date.now() + HOUR_MS);
    const other = await createTestAccount(db, "grant-expiry-other");
    expect((await gatehouseFailure(setExpiry(grantId, future, other.orgId))).code).toBe("not_found");
    await revokeGrant({ db, notify, orgId: account.orgId, actor: account.actor, grantId });
    expect((await gatehouseFailure(setExpiry(grantId, future))).code).toBe("conflict");
  });
});
