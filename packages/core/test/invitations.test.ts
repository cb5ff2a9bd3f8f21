import { acceptInvitation } from "@gatehouse/core/invitations/accept-invitation";
import { createInvitation } from "@gatehouse/core/invitations/create-invitation";
import { findInvitation } from "@gatehouse/core/invitations/find-invitation";
import { hashInvitationToken } from "@gatehouse/core/invitations/invitation-token";
import { listInvitations } from "@gatehouse/core/invitations/list-invitations";
import { revokeInvitation } from "@gatehouse/core/invitations/revoke-invitation";
import { signUpWithInvitation } from "@gatehouse/core/invitations/sign-up-with-invitation";
import { createTestAccount } from "@gatehouse/testing/create-test-account";
import { createTestMember } from "@gatehouse/testing/create-test-member";
import { uniqueSuffix } from "@gatehouse/testing/test-env";
import { beforeAll, describe, expect, it } from "vitest";
import { gatehouseFailure, useTestDb } from "./test-support";

const db = useTestDb();
const DAY_MS = 24 * 60 * 60 * 1000;
let owner: Awaited<ReturnType<typeof createTestAccount>>;

beforeAll(async () => {
  owner = await createTestAccount(db, "invites");
});

function invite(role: string, expiresInDays?: number) {
  const input = { role, ...(expiresInDays === undefined ? {} : { expiresInDays }) };
  return createInvitation({ db, orgId: owner.orgId, actor: owner.actor, input });
}

function newPerson() {
  const suffix = uniqueSuffix();
  return {
    name: `Invitee ${suffix}`,
    email: `invitee-${suffix}@example.test`,
    password: `pw-${suffix}-long`,
  };
}

describe("createInvitation", () => {
  it("returns a ghi_ token once, stores only its hash, and expires in 7 days by default", async () => {
    const now = new Date();
    const { invitationId, token, expiresAt } = await createInvitation({
      db,
      orgId: owner.orgId,
      actor: owner.actor,
      input: { role: "policy_manager" },
      now,
    });
    expect(token).toMatch(/^ghi_[A-Za-z0-9_-]{43}$/);
    expect(expiresAt.getTime()).toBe(now.getTime() + 7 * DAY_MS);
    const row = await db.invitation.findUniqueOrThrow({ where: { id: invitationId } });
    expect(row).toMatchObject({
      orgId: owner.orgId,
      role: "policy_manager",
      tokenHash: hashInvitationToken(token),
    });
    const events = await db.adminEvent.findMany({ where: { orgId: owner.orgId, targetId: invitationId } });
    expect(events.map((event) => event.action)).toEqual(["member.invited"]);
    expect(JSON.stringify([row, events])).not.toContain(token);
  });

  it.each([
    ["an owner role", "owner", undefined, "role"],
    ["no days", "viewer", 0, "expiresInDays"],
    ["more than 30 days", "viewer", 31, "expiresInDays"],
  ])("refuses %s", async (_label, role, days, field) => {
    const failure = await gatehouseFailure(invite(role, days));
    expect(failure.code).toBe("invalid_input");
    expect(failure.fieldErrors.map((error) => error.field)).toEqual([field]);
  });

  it("is refused to policy managers and viewers, and admins cannot invite an owner", async () => {
    const manager = await createTestMember(db, {
      orgId: owner.orgId,
      inviter: owner.actor,
      role: "policy_manager",
    });
    const admin = await createTestMember(db, { orgId: owner.orgId, inviter: owner.actor, role: "admin" });
    const byManager = createInvitation({
      db,
      orgId: owner.orgId,
      actor: manager.actor,
      input: { role: "viewer" },
    });
    expect((await gatehouseFailure(byManager)).code).toBe("forbidden");
    const ownerByAdmin = createInvitation({
      db,
      orgId: owner.orgId,
      actor: admin.actor,
      input: { role: "owner" },
    });
    expect((await gatehouseFailure(ownerByAdmin)).code).toBe("invalid_input");
  });
});

describe("acceptInvitation", () => {
  it("lets exactly one of several concurrent accepts of one link join", async () => {
    const { token, invitationId } = await invite("viewer");
    const people = await Promise.all([1, 2, 3, 4].map(() => createTestAccount(db, "racer")));
    const results = await Promise.allSettled(
      people.map((person) => acceptInvitation({ db, token, actor: person.actor })),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const joined = await db.membership.findMany({
      where: { orgId: owner.orgId, userId: { in: people.map((person) => person.userId) } },
    });
    expect(joined).toHaveLength(1);
    const row = await db.invitation.findUniqueOrThrow({ where: { id: invitationId } });
    expect(row.acceptedById).toBe(joined[0]?.userId);
  });

  it("joins with the invitation's role and records member.joined", async () => {
    const { token } = await invite("policy_manager");
    const person = await createTestAccount(db, "joiner");
    const joined = await acceptInvitation({ db, token, actor: person.actor });
    expect(joined).toMatchObject({ orgId: owner.orgId, role: "policy_manager" });
    const event = await db.adminEvent.findFirstOrThrow({
      where: { orgId: owner.orgId, action: "member.joined", targetId: person.userId },
    });
    expect(event.details).toMatchObject({ role: "policy_manager" });
  });

  it("refuses used, revoked, expired and unknown links with what to do", async () => {
    const person = await createTestAccount(db, "late");
    const used = await invite("viewer");
    await acceptInvitation({ db, token: used.token, actor: (await createTestAccount(db, "first")).actor });
    const revoked = await invite("viewer");
    await revokeInvitation({
      db,
      orgId: owner.orgId,
      actor: owner.actor,
      invitationId: revoked.invitationId,
    });
    const expiring = await invite("viewer", 1);
    const later = new Date(Date.now() + 2 * DAY_MS);

    const accept = (token: string, now?: Date) =>
      gatehouseFailure(acceptInvitation({ db, token, actor: person.actor, ...(now ? { now } : {}) }));
    expect(await accept(used.token)).toMatchObject({ code: "conflict", message: /already used.*new link/ });
    expect(await accept(revoked.token)).toMatchObject({ code: "conflict", message: /revoked.*new link/ });
    expect(await accept(expiring.token, later)).toMatchObject({
      code: "conflict",
      message: /expired.*new link/,
    });
    expect(await accept(`ghi_${"A".repeat(43)}`)).toMatchObject({ code: "not_found" });
    expect(await db.membership.count({ where: { userId: person.userId, orgId: owner.orgId } })).toBe(0);
  });

  it("tells an existing member so, without using up the link", async () => {
    const member = await createTestMember(db, { orgId: owner.orgId, inviter: owner.actor, role: "viewer" });
    const { token, invitationId } = await invite("admin");
    const failure = await gatehouseFailure(acceptInvitation({ db, token, actor: member.actor }));
    expect(failure).toMatchObject({ code: "conflict", message: /already a member/ });
    const row = await db.invitation.findUniqueOrThrow({ where: { id: invitationId } });
    expect(row.acceptedAt).toBeNull();
    expect((await findInvitation({ db, token })).status).toBe("pending");
  });
});

describe("signUpWithInvitation", () => {
  it("creates an account whose only organisation is the inviting one", async () => {
    const { token } = await invite("policy_manager");
    const person = newPerson();
    const { userId } = await signUpWithInvitation({ db, token, input: person });
    const memberships = await db.membership.findMany({ where: { userId } });
    expect(memberships.map((m) => [m.orgId, m.role])).toEqual([[owner.orgId, "policy_manager"]]);
  });

  it("leaves no account behind when the link is already used, and refuses a taken email", async () => {
    const { token } = await invite("viewer");
    await signUpWithInvitation({ db, token, input: newPerson() });
    const second = newPerson();
    const failure = await gatehouseFailure(signUpWithInvitation({ db, token, input: second }));
    expect(failure.message).toMatch(/already used/);
    expect(await db.user.count({ where: { email: second.email } })).toBe(0);

    const fresh = await invite("viewer");
    const taken = await gatehouseFailure(
      signUpWithInvitation({ db, token: fresh.token, input: { ...newPerson(), email: owner.email } }),
    );
    expect(taken.fieldErrors).toEqual([
      { field: "email", message: expect.stringMatching(/Sign in to accept/) },
    ]);
  });
});

describe("findInvitation and listInvitations", () => {
  it("show the organisation, role, inviter and each link's status", async () => {
    const pending = await invite("viewer");
    expect(await findInvitation({ db, token: pending.token })).toMatchObject({
      orgId: owner.orgId,
      role: "viewer",
      inviterName: owner.actor.name,
      status: "pending",
    });
    const accepted = await invite("viewer");
    const joiner = newPerson();
    await signUpWithInvitation({ db, token: accepted.token, input: joiner });
    const listed = await listInvitations({ db, orgId: owner.orgId });
    const byId = new Map(listed.map((row) => [row.id, row]));
    expect(byId.get(pending.invitationId)?.status).toBe("pending");
    expect(byId.get(accepted.invitationId)).toMatchObject({
      status: "accepted",
      acceptedBy: { name: joiner.name, email: joiner.email },
    });
    expect(listed[0]).not.toHaveProperty("tokenHash");
  });

  it("treats another organisation's invitation as not found when revoking", async () => {
    const other = await createTestAccount(db, "invites-other");
    const { invitationId } = await invite("viewer");
    const failure = await gatehouseFailure(
      revokeInvitation({ db, orgId: other.orgId, actor: other.actor, invitationId }),
    );
    expect(failure.code).toBe("not_found");
  });
});
