"use server";

import { signUp } from "@gatehouse/core/users/sign-up";
import { type FormState, toFormState } from "@/server/form-state";
import { getServices } from "@/server/services";

export type SignUpState = FormState & { isCreated?: boolean };

const FIELDS = ["name", "email", "password", "organizationName"] as const;

/**
 * Creates the account and its organisation. Signing in happens next, in the
 * browser, through next-auth, so the session cookie is issued by one code path only.
 */
export async function signUpAction(_previous: SignUpState, formData: FormData): Promise<SignUpState> {
  const { db, logger } = getServices();
  const input = Object.fromEntries(FIELDS.map((field) => [field, String(formData.get(field) ?? "")]));
  try {
    await signUp({
      db,
      input: {
        name: input.name ?? "",
        email: input.email ?? "",
        password: input.password ?? "",
        organizationName: input.organizationName ?? "",
      },
    });
    return { isCreated: true };
  } catch (error) {
    return toFormState(error, { fields: FIELDS, logger, action: "sign-up" });
  }
}
