import type { Db } from "@gatehouse/db/client";
import { GatehouseError } from "../errors/gatehouse-error";
import { invitationStatus } from "./invitation-status";
import { hashInvitationToken, looksLikeInvitationToken } from "./invitation-token";

/** Thrown for a link that is malformed or unknown: it says as little as possible about either. */
export function unknownInvitationError(): GatehouseError {
  return new GatehouseError(
    "not_found",
    "This invitation link is not valid. Check that it was copied whole, or ask for a new one.",
  );
}

/**
 * What the invited person sees before joining: the organisation, the role, who invited
 * them and whether the link can still be used. Nothing about the organisation's data.
 */
export async function findInvitation(options: { db: Db; token: string; now?: Date }) {
  if (!looksLikeInvitationToken(options.token)) throw unknownInvitationError();
  const invitation = await options.db.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(options.token) },
    select: {
      orgId: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      org: { select: { name: true } },
      createdBy: { select: { name: true } },
    },
  });
  if (!invitation) throw unknownInvitationError();
  return {
    orgId: invitation.orgId,
    orgName: invitation.org.name,
    role: invitation.role,
    inviterName: invitation.createdBy.name,
    expiresAt: invitation.expiresAt,
    status: invitationStatus(invitation, options.now ?? new Date()),
  };
}
