import type { Db } from "@gatehouse/db/client";
import type { UserActor } from "../admin-trail/admin-actor";
import { recordAdminEvent } from "../admin-trail/record-admin-event";
import { GatehouseError } from "../errors/gatehouse-error";
import { requireMemberManager } from "../members/member-access";

/** Revokes a pending invitation: its link stops working at once. Revoking twice is harmless. */
export async function revokeInvitation(options: {
  db: Db;
  orgId: string;
  actor: UserActor;
  invitationId: string;
}) {
  const { orgId, actor } = options;
  await options.db.$transaction(async (tx) => {
    await requireMemberManager(tx, { orgId, actorId: actor.id });
    const invitation = await tx.invitation.findFirst({ where: { id: options.invitationId, orgId } });
    if (!invitation) throw new GatehouseError("not_found", "No such invitation in this organisation.");
    if (invitation.acceptedAt) {
      throw new GatehouseError(
        "conflict",
        "This invitation was already accepted. Remove the member instead if they should not have access.",
      );
    }
    // The condition lives in the update, so a revocation racing an acceptance never undoes it.
    const { count } = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) return;
    await recordAdminEvent(tx, {
      orgId,
      actor,
      action: "invitation.revoked",
      target: { id: invitation.id, name: null },
      details: { role: invitation.role },
    });
  });
}
