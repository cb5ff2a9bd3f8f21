import type { Prisma } from "@gatehouse/db/models";
import type { UserActor } from "../admin-trail/admin-actor";
import { recordAdminEvent } from "../admin-trail/record-admin-event";

/**
 * Deletes a membership and revokes the API keys that person created in the organisation:
 * a key acts with its creator's say-so, which ends with the membership.
 */
export async function endMembership(
  tx: Prisma.TransactionClient,
  options: {
    orgId: string;
    actor: UserActor;
    action: "member.removed" | "member.left";
    member: { userId: string; role: string; user: { name: string; email: string } };
  },
) {
  const { orgId, member } = options;
  await tx.membership.delete({ where: { userId_orgId: { userId: member.userId, orgId } } });
  const { count: revokedApiKeys } = await tx.apiKey.updateMany({
    where: { orgId, createdById: member.userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  await recordAdminEvent(tx, {
    orgId,
    actor: options.actor,
    action: options.action,
    target: { id: member.userId, name: member.user.name },
    details: { email: member.user.email, role: member.role, revokedApiKeys },
  });
  return { revokedApiKeys };
}
