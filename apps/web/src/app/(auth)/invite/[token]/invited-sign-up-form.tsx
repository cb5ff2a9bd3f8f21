"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useActionState, useEffect, useRef, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-message";
import { primaryButtonClass } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import { type InvitedSignUpState, signUpWithInvitationAction } from "./actions";

/** An account for the invited person: the server action creates it in the organisation, then the browser signs in. */
export function InvitedSignUpForm({ token, orgName }: { token: string; orgName: string }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [state, formAction, isPending] = useActionState<InvitedSignUpState, FormData>(
    signUpWithInvitationAction,
    {},
  );
  const [signInError, setSignInError] = useState<string>();
  const [isSigningIn, setIsSigningIn] = useState(false);

  useEffect(() => {
    const form = formRef.current;
    if (!state.isCreated || !form) return;
    const data = new FormData(form);
    setIsSigningIn(true);
    signIn("credentials", {
      email: String(data.get("email") ?? ""),
      password: String(data.get("password") ?? ""),
      redirect: false,
    })
      .then((result) => {
        if (!result?.ok || result.error) throw new Error(result?.error ?? "sign-in failed");
        router.replace("/servers");
        router.refresh();
      })
      .catch(() => {
        setIsSigningIn(false);
        setSignInError(`You joined ${orgName}, but signing in failed. Sign in with your new account.`);
      });
  }, [state, router, orgName]);

  const errors = state.fieldErrors ?? {};
  const isBusy = isPending || isSigningIn;
  return (
    <ActionForm ref={formRef} action={formAction} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <FormError message={signInError ?? state.formError} />
      <TextField id="name" label="Your name" autoComplete="name" required errors={errors.name} />
      <TextField id="email" label="Email" type="email" autoComplete="email" required errors={errors.email} />
      <TextField
        id="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 10 characters."
        errors={errors.password}
      />
      <SubmitButton
        pending={isBusy}
        pendingText={isSigningIn ? "Signing in…" : "Creating account…"}
        className={`${primaryButtonClass} w-full`}
      >
        Create account and join
      </SubmitButton>
    </ActionForm>
  );
}
