import type { Db } from "@gatehouse/db/client";
import type { UserActor } from "../admin-trail/admin-actor";
import { endMembership } from "./end-membership";
import { assertNotOwner, findMembership, requireMemberManager } from "./member-access";

/**
 * Removes a member from the organisation and revokes the API keys they created in it. Their
 * next request no longer sees the organisation. The owner cannot be removed (transfer first).
 */
export async function removeMember(options: { db: Db; orgId: string; actor: UserActor; userId: string }) {
  const { orgId, actor } = options;
  return options.db.$transaction(async (tx) => {
    await requireMemberManager(tx, { orgId, actorId: actor.id });
    const member = await findMembership(tx, { orgId, userId: options.userId });
    assertNotOwner(
      member,
      member.userId === actor.id
        ? "You own this organisation, so you cannot remove yourself. Transfer ownership first."
        : "The owner cannot be removed. Only the owner can hand over the organisation, by transferring ownership.",
    );
    return endMembership(tx, { orgId, actor, action: "member.removed", member });
  });
}
