"use client";

import { useActionState, useRef } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-message";
import { primaryButtonClass } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import { AccountFields } from "../account-fields";
import { useSignInAfterSignUp } from "../use-sign-in-after-sign-up";
import { type SignUpState, signUpAction } from "./actions";

/** Sign-up: the server action creates the account, then the browser signs in with the same credentials. */
export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const formRef = useRef<HTMLFormElement>(null);
  const [state, formAction, isPending] = useActionState<SignUpState, FormData>(signUpAction, {});
  const { isSigningIn, signInError } = useSignInAfterSignUp({
    isCreated: state.isCreated,
    formRef,
    callbackUrl,
    failureMessage: "Your account was created, but signing in failed. Sign in with your new account.",
  });

  const errors = state.fieldErrors ?? {};
  return (
    <ActionForm ref={formRef} action={formAction} className="space-y-4">
      <FormError message={signInError ?? state.formError} />
      <AccountFields errors={errors} />
      <TextField
        id="organizationName"
        label="Organisation name"
        autoComplete="organization"
        required
        errors={errors.organizationName}
      />
      <SubmitButton
        pending={isPending || isSigningIn}
        pendingText={isSigningIn ? "Signing in…" : "Creating account…"}
        className={`${primaryButtonClass} w-full`}
      >
        Create account
      </SubmitButton>
    </ActionForm>
  );
}
