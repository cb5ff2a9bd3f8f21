import type { Db } from "@gatehouse/db/client";
import type { UserActor } from "../admin-trail/admin-actor";
import { recordAdminEvent } from "../admin-trail/record-admin-event";
import { GatehouseError } from "../errors/gatehouse-error";
import { findMembership } from "../members/member-access";

/**
 * Makes another member the owner and the acting owner an admin, in one transaction, so the
 * organisation never has two owners or none.
 */
export async function transferOwnership(options: {
  db: Db;
  orgId: string;
  actor: UserActor;
  userId: string;
}) {
  const { orgId, actor } = options;
  if (options.userId === actor.id) {
    throw new GatehouseError("invalid_input", "You already own this organisation. Choose another member.");
  }
  return options.db.$transaction(async (tx) => {
    const member = await findMembership(tx, { orgId, userId: options.userId });
    // The condition lives in the update: of two concurrent transfers only the owner's first one counts.
    const { count } = await tx.membership.updateMany({
      where: { orgId, userId: actor.id, role: "owner" },
      data: { role: "admin" },
    });
    if (count === 0) {
      throw new GatehouseError("forbidden", "Only the owner can transfer ownership. Ask the owner to do it.");
    }
    await tx.membership.update({ where: { id: member.id }, data: { role: "owner" } });
    await recordAdminEvent(tx, {
      orgId,
      actor,
      action: "org.ownership_transferred",
      target: { id: member.userId, name: member.user.name },
      details: { email: member.user.email, previousRole: member.role, previousOwnerId: actor.id },
    });
  });
}
