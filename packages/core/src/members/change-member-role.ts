import type { Db } from "@gatehouse/db/client";
import type { UserActor } from "../admin-trail/admin-actor";
import { recordAdminEvent } from "../admin-trail/record-admin-event";
import { parseInput } from "../errors/field-errors";
import { AssignableRoleSchema, assertNotOwner, findMembership, requireMemberManager } from "./member-access";

/**
 * Gives a member another role. Nobody becomes or stops being owner this way: ownership
 * moves only by transfer, so an organisation always has exactly one owner.
 */
export async function changeMemberRole(options: {
  db: Db;
  orgId: string;
  actor: UserActor;
  userId: string;
  role: string;
}) {
  const role = parseInput(AssignableRoleSchema, options.role);
  const { orgId, actor } = options;
  return options.db.$transaction(async (tx) => {
    await requireMemberManager(tx, { orgId, actorId: actor.id });
    const member = await findMembership(tx, { orgId, userId: options.userId });
    assertNotOwner(member, "The owner's role changes only by transferring ownership to another member.");
    if (member.role === role) return { isChanged: false };
    await tx.membership.update({ where: { id: member.id }, data: { role } });
    await recordAdminEvent(tx, {
      orgId,
      actor,
      action: "member.role_changed",
      target: { id: member.userId, name: member.user.name },
      details: { email: member.user.email, from: member.role, to: role },
    });
    return { isChanged: true };
  });
}
