"use server";

import { createInvitation } from "@gatehouse/core/invitations/create-invitation";
import { buildInvitationUrl } from "@gatehouse/core/invitations/invitation-token";
import { revokeInvitation } from "@gatehouse/core/invitations/revoke-invitation";
import type { Role } from "@gatehouse/db/models";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { getEnv } from "@/env";
import { formAction } from "@/server/actions/form-action";
import type { FormState } from "@/server/form-state";

const MEMBERS_PATH = "/settings/members";

/** Shown once, right after creation: only the token's hash is stored. */
export type IssuedInvitation = { invitationId: string; url: string; role: Role; expiresAt: string };

export type CreateInvitationState = FormState & { issued?: IssuedInvitation };

const CreateFormSchema = z.object({
  role: z.string().max(50).default(""),
  expiresInDays: z.string().max(10).default(""),
});
const RevokeFormSchema = z.object({ invitationId: z.string().min(1).max(100) });

/** Creates a single-use invitation link for a role and returns it this one time. */
export const createInvitationAction = formAction({
  name: "create-invitation",
  access: "manage_members",
  schema: CreateFormSchema,
  fields: ["role", "expiresInDays"],
  run: async ({ input: form, session, actor, services }): Promise<CreateInvitationState> => {
    const input = { role: form.role, ...(form.expiresInDays ? { expiresInDays: form.expiresInDays } : {}) };
    const created = await createInvitation({ db: services.db, orgId: session.orgId, actor, input });
    revalidatePath(MEMBERS_PATH);
    const url = buildInvitationUrl(await dashboardUrl(), created.token);
    return {
      issued: {
        invitationId: created.invitationId,
        url,
        role: created.role,
        expiresAt: created.expiresAt.toISOString(),
      },
    };
  },
});

/** Revokes a pending invitation; its link stops working at once. */
export const revokeInvitationAction = formAction({
  name: "revoke-invitation",
  access: "manage_members",
  schema: RevokeFormSchema,
  run: async ({ input, session, actor, services }) => {
    await revokeInvitation({
      db: services.db,
      orgId: session.orgId,
      actor,
      invitationId: input.invitationId,
    });
    revalidatePath(MEMBERS_PATH);
    return {};
  },
});

// NEXTAUTH_URL is the dashboard's public address; without it (local development) the link
// uses the origin the browser sent this action from, which Next.js has already checked.
async function dashboardUrl(): Promise<string> {
  return getEnv().NEXTAUTH_URL ?? (await headers()).get("origin") ?? "http://localhost:3000";
}
