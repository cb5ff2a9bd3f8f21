"use server";

import { acceptInvitation } from "@gatehouse/core/invitations/accept-invitation";
import { signUpWithInvitation } from "@gatehouse/core/invitations/sign-up-with-invitation";
import { redirect } from "next/navigation";
import { z } from "zod";
import { writeActiveOrgId } from "@/server/auth/active-org-cookie";
import { getSignedInUser } from "@/server/auth/session";
import { sessionActor } from "@/server/auth/session-actor";
import { type FormState, toFormState } from "@/server/form-state";
import { getServices } from "@/server/services";

export type InvitedSignUpState = FormState & { isCreated?: boolean };

const TokenSchema = z.string().min(1).max(200);
const SIGN_UP_FIELDS = ["name", "email", "password"] as const;

/**
 * The signed-in user joins the inviting organisation and this browser switches to it. The
 * link itself is the authorisation: whoever holds it may use it, once.
 */
export async function acceptInvitationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await getSignedInUser();
  const { db, logger } = getServices();
  if (!user) return { formError: "Your session has ended. Sign in again, then open the link." };
  try {
    const token = TokenSchema.parse(formData.get("token"));
    const { orgId } = await acceptInvitation({ db, token, actor: sessionActor(user) });
    await writeActiveOrgId(orgId);
  } catch (error) {
    return toFormState(error, { fields: [], logger, action: "accept-invitation" });
  }
  redirect("/servers");
}

/**
 * Creates the invited person's account in the inviting organisation (and no other). Signing
 * in happens next, in the browser, through next-auth, as after the ordinary sign-up.
 */
export async function signUpWithInvitationAction(
  _previous: InvitedSignUpState,
  formData: FormData,
): Promise<InvitedSignUpState> {
  const { db, logger } = getServices();
  const field = (name: string) => String(formData.get(name) ?? "");
  try {
    const token = TokenSchema.parse(formData.get("token"));
    await signUpWithInvitation({
      db,
      token,
      input: { name: field("name"), email: field("email"), password: field("password") },
    });
    return { isCreated: true };
  } catch (error) {
    return toFormState(error, { fields: SIGN_UP_FIELDS, logger, action: "sign-up-with-invitation" });
  }
}
