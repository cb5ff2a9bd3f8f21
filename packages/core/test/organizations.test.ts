import { removeMember } from "@gatehouse/core/members/remove-member";
import { createOrganization } from "@gatehouse/core/orgs/create-organization";
import { getActiveMembership } from "@gatehouse/core/orgs/get-active-membership";
import { listUserOrganizations } from "@gatehouse/core/orgs/list-user-organizations";
import { transferOwnership } from "@gatehouse/core/orgs/transfer-ownership";
import { createTestAccount } from "@gatehouse/testing/create-test-account";
import { createTestMember } from "@gatehouse/testing/create-test-member";
import { describe, expect, it } from "vitest";
import { gatehouseFailure, useTestDb } from "./test-support";

const db = useTestDb();

async function owners(orgId: string) {
  const rows = await db.membership.findMany({ where: { orgId, role: "owner" }, select: { userId: true } });
  return rows.map((row) => row.userId);
}

describe("createOrganization", () => {
  it("creates an organisation whose one owner is the creator, recorded in its trail", async () => {
    const account = await createTestAccount(db, "orgs");
    const created = await createOrganization({ db, actor: account.actor, input: { name: "  Second org  " } });
    expect(created.orgName).toBe("Second org");
    expect(await owners(created.orgId)).toEqual([account.userId]);
    const events = await db.adminEvent.findMany({ where: { orgId: created.orgId } });
    expect(events).toMatchObject([
      { action: "org.created", actorId: account.userId, targetType: "organization", targetId: created.orgId },
    ]);
    const organizations = await listUserOrganizations({ db, userId: account.userId });
    expect(organizations.map((org) => [org.orgId, org.role])).toEqual([
      [account.orgId, "owner"],
      [created.orgId, "owner"],
    ]);
  });

  it("refuses an empty name with the sign-up form's message", async () => {
    const account = await createTestAccount(db, "orgs");
    const failure = await gatehouseFailure(
      createOrganization({ db, actor: account.actor, input: { name: " " } }),
    );
    expect(failure.fieldErrors).toEqual([{ field: "name", message: "Name your organisation." }]);
  });
});

describe("getActiveMembership", () => {
  it("honours the chosen organisation only while the user is a member of it", async () => {
    const account = await createTestAccount(db, "active");
    const second = await createOrganization({ db, actor: account.actor, input: { name: "Active two" } });
    const stranger = await createTestAccount(db, "stranger");

    await expect(getActiveMembership({ db, userId: account.userId })).resolves.toMatchObject({
      orgId: account.orgId,
      role: "owner",
    });
    await expect(
      getActiveMembership({ db, userId: account.userId, preferredOrgId: second.orgId }),
    ).resolves.toEqual({ orgId: second.orgId, orgName: "Active two", role: "owner" });
    // A cookie naming an organisation the user does not belong to is ignored.
    await expect(
      getActiveMembership({ db, userId: account.userId, preferredOrgId: stranger.orgId }),
    ).resolves.toMatchObject({ orgId: account.orgId });
  });

  it("drops a removed member back to their own organisation on the next request", async () => {
    const owner = await createTestAccount(db, "active-owner");
    const member = await createTestMember(db, { orgId: owner.orgId, inviter: owner.actor, role: "viewer" });
    const memberOrg = await createOrganization({ db, actor: member.actor, input: { name: "Member's own" } });
    const chosen = { db, userId: member.userId, preferredOrgId: owner.orgId };
    await expect(getActiveMembership(chosen)).resolves.toMatchObject({ orgId: owner.orgId, role: "viewer" });

    await removeMember({ db, orgId: owner.orgId, actor: owner.actor, userId: member.userId });
    await expect(getActiveMembership(chosen)).resolves.toMatchObject({ orgId: memberOrg.orgId });
  });

  it("refuses a user without any organisation", async () => {
    const owner = await createTestAccount(db, "lonely-owner");
    const member = await createTestMember(db, { orgId: owner.orgId, inviter: owner.actor, role: "viewer" });
    await removeMember({ db, orgId: owner.orgId, actor: owner.actor, userId: member.userId });
    const failure = await gatehouseFailure(getActiveMembership({ db, userId: member.userId }));
    expect(failure.code).toBe("unauthenticated");
  });
});

describe("transferOwnership", () => {
  it("makes the member owner and the previous owner admin, in one step", async () => {
    const owner = await createTestAccount(db, "transfer");
    const member = await createTestMember(db, { orgId: owner.orgId, inviter: owner.actor, role: "viewer" });
    await transferOwnership({ db, orgId: owner.orgId, actor: owner.actor, userId: member.userId });

    expect(await owners(owner.orgId)).toEqual([member.userId]);
    const previous = await db.membership.findUniqueOrThrow({
      where: { userId_orgId: { userId: owner.userId, orgId: owner.orgId } },
    });
    expect(previous.role).toBe("admin");
    const event = await db.adminEvent.findFirstOrThrow({
      where: { orgId: owner.orgId, action: "org.ownership_transferred" },
    });
    expect(event).toMatchObject({ actorId: owner.userId, targetType: "member", targetId: member.userId });
  });

  it("is refused to anyone but the owner, and for someone outside the organisation", async () => {
    const owner = await createTestAccount(db, "transfer-rules");
    const admin = await createTestMember(db, { orgId: owner.orgId, inviter: owner.actor, role: "admin" });
    const viewer = await createTestMember(db, { orgId: owner.orgId, inviter: owner.actor, role: "viewer" });
    const stranger = await createTestAccount(db, "transfer-stranger");

    const byAdmin = await gatehouseFailure(
      transferOwnership({ db, orgId: owner.orgId, actor: admin.actor, userId: viewer.userId }),
    );
    expect(byAdmin.code).toBe("forbidden");
    const toStranger = await gatehouseFailure(
      transferOwnership({ db, orgId: owner.orgId, actor: owner.actor, userId: stranger.userId }),
    );
    expect(toStranger.code).toBe("not_found");
    const toSelf = await gatehouseFailure(
      transferOwnership({ db, orgId: owner.orgId, actor: owner.actor, userId: owner.userId }),
    );
    expect(toSelf.code).toBe("invalid_input");
    expect(await owners(owner.orgId)).toEqual([owner.userId]);
  });
});
