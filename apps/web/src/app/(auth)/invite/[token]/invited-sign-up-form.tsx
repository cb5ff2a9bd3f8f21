"use client";

import { useActionState, useRef } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { FormError } from "@/components/ui/form-message";
import { primaryButtonClass } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import { AccountFields } from "../../account-fields";
import { useSignInAfterSignUp } from "../../use-sign-in-after-sign-up";
import { type InvitedSignUpState, signUpWithInvitationAction } from "./actions";

/** An account for the invited person: the server action creates it in the organisation, then the browser signs in. */
export function InvitedSignUpForm({ token, orgName }: { token: string; orgName: string }) {
  const formRef = useRef<HTMLFormElement>(null);
  const [state, formAction, isPending] = useActionState<InvitedSignUpState, FormData>(
    signUpWithInvitationAction,
    {},
  );
  const { isSigningIn, signInError } = useSignInAfterSignUp({
    isCreated: state.isCreated,
    formRef,
    callbackUrl: "/servers",
    failureMessage: `You joined ${orgName}, but signing in failed. Sign in with your new account.`,
  });

  return (
    <ActionForm ref={formRef} action={formAction} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <FormError message={signInError ?? state.formError} />
      <AccountFields errors={state.fieldErrors ?? {}} />
      <SubmitButton
        pending={isPending || isSigningIn}
        pendingText={isSigningIn ? "Signing in…" : "Creating account…"}
        className={`${primaryButtonClass} w-full`}
      >
        Create account and join
      </SubmitButton>
    </ActionForm>
  );
}
