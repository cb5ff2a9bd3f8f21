"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useActionState, useEffect, useRef, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-message";
import { primaryButtonClass } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import { type SignUpState, signUpAction } from "./actions";

/** Sign-up: the server action creates the account, then the browser signs in with the same credentials. */
export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [state, formAction, isPending] = useActionState<SignUpState, FormData>(signUpAction, {});
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
      callbackUrl,
    })
      .then((result) => {
        if (!result?.ok || result.error) throw new Error(result?.error ?? "sign-in failed");
        router.replace(callbackUrl);
        router.refresh();
      })
      .catch(() => {
        setIsSigningIn(false);
        setSignInError("Your account was created, but signing in failed. Sign in with your new account.");
      });
  }, [state, router, callbackUrl]);

  const errors = state.fieldErrors ?? {};
  const isBusy = isPending || isSigningIn;
  return (
    <ActionForm ref={formRef} action={formAction} className="space-y-4">
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
      <TextField
        id="organizationName"
        label="Organisation name"
        autoComplete="organization"
        required
        errors={errors.organizationName}
      />
      <SubmitButton
        pending={isBusy}
        pendingText={isSigningIn ? "Signing in…" : "Creating account…"}
        className={`${primaryButtonClass} w-full`}
      >
        Create account
      </SubmitButton>
    </ActionForm>
  );
}
