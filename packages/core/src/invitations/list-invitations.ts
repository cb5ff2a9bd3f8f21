import type { Db } from "@gatehouse/db/client";
import { invitationStatus } from "./invitation-status";

// Enough to see every recent link; older ones live on in the admin trail.
const INVITATION_LIST_LIMIT = 100;

/** The organisation's invitations, newest first, with their status and who accepted them. Never token hashes. */
export async function listInvitations(options: { db: Db; orgId: string; now?: Date }) {
  const now = options.now ?? new Date();
  const invitations = await options.db.invitation.findMany({
    where: { orgId: options.orgId },
    orderBy: { createdAt: "desc" },
    take: INVITATION_LIST_LIMIT,
    select: {
      id: true,
      role: true,
      createdAt: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      createdBy: { select: { name: true } },
      acceptedBy: { select: { name: true, email: true } },
    },
  });
  return invitations.map((invitation) => ({ ...invitation, status: invitationStatus(invitation, now) }));
}
