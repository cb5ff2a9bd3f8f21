import type { Prisma } from "@gatehouse/db/models";
import type { UserActor } from "../admin-trail/admin-actor";
import { recordAdminEvent } from "../admin-trail/record-admin-event";
import { GatehouseError } from "../errors/gatehouse-error";
import { unknownInvitationError } from "./find-invitation";
import { invitationStatus, unusableInvitationMessage } from "./invitation-status";
import { hashInvitationToken, looksLikeInvitationToken } from "./invitation-token";

/**
 * Uses an invitation for `user` inside the caller's transaction: marks it accepted and adds
 * the membership. Single use even under concurrent accepts, because the conditional update's
 * count decides; a person who is already a member is told so without using up the link.
 */
export async function claimInvitation(
  tx: Prisma.TransactionClient,
  options: { token: string; user: UserActor; now: Date },
) {
  const { user, now } = options;
  if (!looksLikeInvitationToken(options.token)) throw unknownInvitationError();
  const invitation = await tx.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(options.token) },
    include: { org: { select: { name: true } } },
  });
  if (!invitation) throw unknownInvitationError();
  const orgName = invitation.org.name;
  const status = invitationStatus(invitation, now);
  if (status !== "pending") throw new GatehouseError("conflict", unusableInvitationMessage(status, orgName));
  const existing = await tx.membership.findUnique({
    where: { userId_orgId: { userId: user.id, orgId: invitation.orgId } },
  });
  if (existing) {
    throw new GatehouseError(
      "conflict",
      `You are already a member of ${orgName}. Switch to it from the organisation menu; the link is still unused.`,
    );
  }
  const { count } = await tx.invitation.updateMany({
    where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { acceptedAt: now, acceptedById: user.id },
  });
  if (count === 0) throw new GatehouseError("conflict", unusableInvitationMessage("accepted", orgName));
  await tx.membership.create({ data: { userId: user.id, orgId: invitation.orgId, role: invitation.role } });
  await recordAdminEvent(tx, {
    orgId: invitation.orgId,
    actor: user,
    action: "member.joined",
    target: { id: user.id, name: user.name },
    details: { role: invitation.role, invitationId: invitation.id },
  });
  return { orgId: invitation.orgId, orgName, role: invitation.role };
}
