import type { Db } from "@gatehouse/db/client";
import { z } from "zod";
import type { UserActor } from "../admin-trail/admin-actor";
import { recordAdminEvent } from "../admin-trail/record-admin-event";
import { parseInput } from "../errors/field-errors";
import { AssignableRoleSchema, requireMemberManager } from "../members/member-access";
import { issueInvitationToken } from "./invitation-token";

const DAY_MS = 24 * 60 * 60 * 1000;

export const CreateInvitationInputSchema = z.object({
  role: AssignableRoleSchema,
  expiresInDays: z.coerce
    .number("Enter a number of days.")
    .int("Use a whole number of days.")
    .min(1, "Use at least 1 day.")
    .max(30, "Use at most 30 days.")
    .default(7),
});
/** The invite form as submitted: validated here, so a forged role such as "owner" is refused. */
export type CreateInvitationInput = { role: string; expiresInDays?: number | string };

/**
 * Creates a single-use invitation link for a role (never owner). The token is returned once,
 * here; only its hash is stored, so a lost link is revoked and replaced rather than shown again.
 */
export async function createInvitation(options: {
  db: Db;
  orgId: string;
  actor: UserActor;
  input: CreateInvitationInput;
  now?: Date;
}) {
  const input = parseInput(CreateInvitationInputSchema, options.input);
  const { orgId, actor } = options;
  const expiresAt = new Date((options.now ?? new Date()).getTime() + input.expiresInDays * DAY_MS);
  const issued = issueInvitationToken();
  return options.db.$transaction(async (tx) => {
    await requireMemberManager(tx, { orgId, actorId: actor.id });
    const invitation = await tx.invitation.create({
      data: { orgId, role: input.role, tokenHash: issued.tokenHash, createdById: actor.id, expiresAt },
    });
    await recordAdminEvent(tx, {
      orgId,
      actor,
      action: "member.invited",
      target: { id: invitation.id, name: null },
      details: { role: input.role, expiresAt: expiresAt.toISOString() },
    });
    return { invitationId: invitation.id, token: issued.token, role: input.role, expiresAt };
  });
}
