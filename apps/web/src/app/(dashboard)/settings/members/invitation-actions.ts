"use server";

import { createInvitation } from "@gatehouse/core/invitations/create-invitation";
import { buildInvitationUrl } from "@gatehouse/core/invitations/invitation-token";
import { revokeInvitation } from "@gatehouse/core/invitations/revoke-invitation";
import type { Role } from "@gatehouse/db/models";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { getEnv } from "@/env";
import { assertCan } from "@/server/auth/permissions";
import { requireSession } from "@/server/auth/session";
import { sessionActor } from "@/server/auth/session-actor";
import { type FormState, toFormState } from "@/server/form-state";
import { getServices } from "@/server/services";

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
export async function createInvitationAction(
  _previous: CreateInvitationState,
  formData: FormData,
): Promise<CreateInvitationState> {
  const session = await requireSession();
  const { db, logger } = getServices();
  try {
    assertCan(session, "manage_members");
    const form = CreateFormSchema.parse(Object.fromEntries(formData));
    const input = { role: form.role, ...(form.expiresInDays ? { expiresInDays: form.expiresInDays } : {}) };
    const created = await createInvitation({ db, orgId: session.orgId, actor: sessionActor(session), input });
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
  } catch (error) {
    return toFormState(error, { fields: ["role", "expiresInDays"], logger, action: "create-invitation" });
  }
}

/** Revokes a pending invitation; its link stops working at once. */
export async function revokeInvitationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const session = await requireSession();
  const { db, logger } = getServices();
  try {
    assertCan(session, "manage_members");
    const { invitationId } = RevokeFormSchema.parse(Object.fromEntries(formData));
    await revokeInvitation({ db, orgId: session.orgId, actor: sessionActor(session), invitationId });
    revalidatePath(MEMBERS_PATH);
    return {};
  } catch (error) {
    return toFormState(error, { fields: [], logger, action: "revoke-invitation" });
  }
}

// NEXTAUTH_URL is the dashboard's public address; without it (local development) the link
// uses the origin the browser sent this action from, which Next.js has already checked.
async function dashboardUrl(): Promise<string> {
  return getEnv().NEXTAUTH_URL ?? (await headers()).get("origin") ?? "http://localhost:3000";
}
