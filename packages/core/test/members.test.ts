import { authenticateApiKey } from "@gatehouse/core/api-keys/authenticate-api-key";
import { createApiKey } from "@gatehouse/core/api-keys/create-api-key";
import { changeMemberRole } from "@gatehouse/core/members/change-member-role";
import { leaveOrganization } from "@gatehouse/core/members/leave-organization";
import { listMembers } from "@gatehouse/core/members/list-members";
import { removeMember } from "@gatehouse/core/members/remove-member";
import { createOrganization } from "@gatehouse/core/orgs/create-organization";
import { createTestAccount } from "@gatehouse/testing/create-test-account";
import { createTestMember } from "@gatehouse/testing/create-test-member";
import { beforeEach, describe, expect, it } from "vitest";
import { gatehouseFailure, useTestDb } from "./test-support";

const db = useTestDb();
let owner: Awaited<ReturnType<typeof createTestAccount>>;
let admin: Awaited<ReturnType<typeof createTestMember>>;
let viewer: Awaited<ReturnType<typeof createTestMember>>;

beforeEach(async () => {
  owner = await createTestAccount(db, "members");
  [admin, viewer] = await Promise.all([
    createTestMember(db, { orgId: owner.orgId, inviter: owner.actor, role: "admin" }),
    createTestMember(db, { orgId: owner.orgId, inviter: owner.actor, role: "viewer" }),
  ]);
});

function roleOf(userId: string) {
  return db.membership
    .findUnique({ where: { userId_orgId: { userId, orgId: owner.orgId } } })
    .then((membership) => membership?.role ?? null);
}

describe("listMembers", () => {
  it("lists the owner first, then the others with name, email, role and when they joined", async () => {
    const members = await listMembers({ db, orgId: owner.orgId });
    expect(members[0]).toMatchObject({ userId: owner.userId, email: owner.email, role: "owner" });
    expect(members.map((member) => member.userId).sort()).toEqual(
      [owner.userId, admin.userId, viewer.userId].sort(),
    );
    expect(members[1]?.joinedAt).toBeInstanceOf(Date);
  });
});

describe("changeMemberRole", () => {
  it("lets an admin change a member's role, recorded with both roles", async () => {
    await changeMemberRole({
      db,
      orgId: owner.orgId,
      actor: admin.actor,
      userId: viewer.userId,
      role: "policy_manager",
    });
    expect(await roleOf(viewer.userId)).toBe("policy_manager");
    const event = await db.adminEvent.findFirstOrThrow({
      where: { orgId: owner.orgId, action: "member.role_changed", targetId: viewer.userId },
    });
    expect(event).toMatchObject({ actorId: admin.userId, details: { from: "viewer", to: "policy_manager" } });
  });

  it("never touches the owner, never makes an owner, and is refused to viewers", async () => {
    const change = (actor: typeof admin.actor, userId: string, role: string) =>
      gatehouseFailure(changeMemberRole({ db, orgId: owner.orgId, actor, userId, role }));
    expect(await change(admin.actor, owner.userId, "viewer")).toMatchObject({
      code: "forbidden",
      message: /transferring ownership/,
    });
    expect((await change(admin.actor, viewer.userId, "owner")).code).toBe("invalid_input");
    expect((await change(owner.actor, viewer.userId, "owner")).code).toBe("invalid_input");
    expect((await change(viewer.actor, admin.userId, "viewer")).code).toBe("forbidden");
    expect([await roleOf(owner.userId), await roleOf(viewer.userId)]).toEqual(["owner", "viewer"]);
  });

  it("treats another organisation's member as not found", async () => {
    const other = await createTestAccount(db, "members-other");
    const failure = await gatehouseFailure(
      changeMemberRole({ db, orgId: owner.orgId, actor: owner.actor, userId: other.userId, role: "viewer" }),
    );
    expect(failure.code).toBe("not_found");
  });
});

describe("removeMember", () => {
  it("removes the member and revokes the API keys they created in this organisation only", async () => {
    const ownOrg = await createOrganization({ db, actor: admin.actor, input: { name: "Admin's own" } });
    const here = await createApiKey({ db, orgId: owner.orgId, actor: admin.actor, name: "admin's CI" });
    const elsewhere = await createApiKey({ db, orgId: ownOrg.orgId, actor: admin.actor, name: "own CI" });
    const ownersKey = await createApiKey({ db, orgId: owner.orgId, actor: owner.actor, name: "owner's CI" });

    const { revokedApiKeys } = await removeMember({
      db,
      orgId: owner.orgId,
      actor: owner.actor,
      userId: admin.userId,
    });
    expect(revokedApiKeys).toBe(1);
    expect(await roleOf(admin.userId)).toBeNull();
    await expect(authenticateApiKey({ db, key: here.key })).resolves.toBeNull();
    await expect(authenticateApiKey({ db, key: elsewhere.key })).resolves.toMatchObject({
      orgId: ownOrg.orgId,
    });
    await expect(authenticateApiKey({ db, key: ownersKey.key })).resolves.toMatchObject({
      orgId: owner.orgId,
    });
    const event = await db.adminEvent.findFirstOrThrow({
      where: { orgId: owner.orgId, action: "member.removed", targetId: admin.userId },
    });
    expect(event.details).toMatchObject({ role: "admin", revokedApiKeys: 1 });
  });

  it("never removes the owner (not even themselves) and is refused to viewers", async () => {
    const remove = (actor: typeof admin.actor, userId: string) =>
      gatehouseFailure(removeMember({ db, orgId: owner.orgId, actor, userId }));
    expect(await remove(admin.actor, owner.userId)).toMatchObject({ code: "forbidden" });
    expect(await remove(owner.actor, owner.userId)).toMatchObject({
      code: "forbidden",
      message: /cannot remove yourself.*Transfer ownership/,
    });
    expect((await remove(viewer.actor, admin.userId)).code).toBe("forbidden");
    expect([await roleOf(owner.userId), await roleOf(admin.userId)]).toEqual(["owner", "admin"]);
  });
});

describe("leaveOrganization", () => {
  it("lets a member leave, recorded as member.left, but not the owner", async () => {
    await leaveOrganization({ db, orgId: owner.orgId, actor: viewer.actor });
    expect(await roleOf(viewer.userId)).toBeNull();
    const actions = await db.adminEvent.findMany({
      where: { orgId: owner.orgId, targetId: viewer.userId },
      select: { action: true },
    });
    expect(actions.map((event) => event.action)).toContain("member.left");

    const failure = await gatehouseFailure(leaveOrganization({ db, orgId: owner.orgId, actor: owner.actor }));
    expect(failure).toMatchObject({ code: "forbidden", message: /Transfer ownership/ });
  });
});
