import { createInvitation } from "@gatehouse/core/invitations/create-invitation";
import { transferOwnership } from "@gatehouse/core/orgs/transfer-ownership";
import { createTestMember } from "@gatehouse/testing/create-test-member";
import { ROLES } from "./access-fixtures";
import type { Context } from "./coverage-builders";

// Fresh members and invitations, and the state the members actions change, for their entries.

/** A pending invitation of org A, to revoke. */
export const freshInvitation = async ({ db, fx }: Context) => {
  const invitation = await createInvitation({
    db,
    orgId: fx.orgId,
    actor: fx.owner.actor,
    input: { role: "viewer" },
  });
  return { invitationId: invitation.invitationId };
};

/** An invitation of a third organisation, which nobody in A or B belongs to, to accept or sign up with. */
export const invitationElsewhere = async ({ db, fx }: Context) => {
  const { inviter } = fx;
  const input = { role: "viewer" };
  return { token: (await createInvitation({ db, orgId: inviter.orgId, actor: inviter.actor, input })).token };
};

/** A member of org A to remove. */
export const freshMember = async ({ db, fx }: Context) => ({
  userId: (await createTestMember(db, { orgId: fx.orgId, inviter: fx.owner.actor, role: "viewer" })).userId,
});

/** A role the subject does not have yet, so that every allowed change really changes something. */
export const subjectsNextRole = async ({ db, fx }: Context) => {
  const { role } = await db.membership.findUniqueOrThrow({
    where: { userId_orgId: { userId: fx.subject.userId, orgId: fx.orgId } },
  });
  return { role: role === "viewer" ? "policy_manager" : "viewer" };
};

/** Who is in org A with which role: what a refused members action must leave as it was. */
export const memberships = ({ db, fx }: Context) =>
  db.membership.findMany({
    where: { orgId: fx.orgId },
    select: { userId: true, role: true },
    orderBy: { userId: "asc" },
  });

/** Org A's invitations and whether each is revoked. */
export const invitations = ({ db, fx }: Context) =>
  db.invitation.findMany({
    where: { orgId: fx.orgId },
    select: { id: true, revokedAt: true },
    orderBy: { id: "asc" },
  });

/** Hands org A back to the fixture's owner after the owner transferred it to the subject. */
export const restoreOwnership = async ({ db, fx }: Context) => {
  const owner = await db.membership.findFirstOrThrow({ where: { orgId: fx.orgId, role: "owner" } });
  if (owner.userId === fx.owner.userId) return;
  await transferOwnership({ db, orgId: fx.orgId, actor: fx.subject.actor, userId: fx.owner.userId });
};

/**
 * Brings a member who left org A back with their role. The membership dates from their
 * account, as the original did, so org A stays the one they act in even after they have
 * accepted another organisation's invitation.
 */
export const rejoinMembers = async ({ db, fx }: Context) => {
  for (const role of ROLES) {
    const { userId } = fx.members[role];
    const membership = { userId_orgId: { userId, orgId: fx.orgId } };
    if (await db.membership.findUnique({ where: membership })) continue;
    const { createdAt } = await db.user.findUniqueOrThrow({ where: { id: userId } });
    await db.membership.create({ data: { userId, orgId: fx.orgId, role, createdAt } });
  }
};
