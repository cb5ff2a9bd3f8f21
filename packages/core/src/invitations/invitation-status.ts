/** Where an invitation stands; only a pending one can be accepted or revoked. */
export type InvitationStatus = "pending" | "accepted" | "expired" | "revoked";

/** The invitation's status at `now`; a used or revoked link stays so after its expiry. */
export function invitationStatus(
  invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now: Date,
): InvitationStatus {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.revokedAt) return "revoked";
  return invitation.expiresAt <= now ? "expired" : "pending";
}

/** Why a link that is no longer pending cannot be used, and what to do, for the invited person. */
export function unusableInvitationMessage(
  status: Exclude<InvitationStatus, "pending">,
  orgName: string,
): string {
  const askAgain = `Ask an owner or admin of ${orgName} for a new link.`;
  switch (status) {
    case "accepted":
      return `This invitation link was already used. ${askAgain}`;
    case "revoked":
      return `This invitation was revoked. ${askAgain}`;
    case "expired":
      return `This invitation has expired. ${askAgain}`;
  }
}
