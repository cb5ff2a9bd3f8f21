"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { z } from "zod";
import { TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-message";
import { primaryButtonClass } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import { SignInCredentialsSchema } from "@/lib/sign-in-credentials";
import { describeSignInError } from "@/lib/sign-in-error";

type FieldErrors = Partial<Record<"email" | "password", string[]>>;

/** Email + password sign-in through next-auth's credentials provider; `initialError` explains a failed GitHub or Google sign-in. */
export function SignInForm({
  callbackUrl,
  initialError,
}: {
  callbackUrl: string;
  initialError?: string | undefined;
}) {
  const router = useRouter();
  const [error, setError] = useState(initialError);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [isPending, setIsPending] = useState(false);

  async function submit(form: HTMLFormElement) {
    const parsed = SignInCredentialsSchema.safeParse(Object.fromEntries(new FormData(form)));
    setError(undefined);
    setFieldErrors(parsed.success ? {} : z.flattenError(parsed.error).fieldErrors);
    if (!parsed.success) return;
    setIsPending(true);
    // redirect: false so the error can be shown here instead of on a separate page. next-auth reads
    // the error from the callback URL's query, so it must not be this page's (which may carry one).
    const result = await signIn("credentials", { ...parsed.data, redirect: false, callbackUrl }).catch(
      () => undefined,
    );
    if (result?.ok && !result.error) {
      router.replace(callbackUrl);
      router.refresh();
      return;
    }
    setIsPending(false);
    setError(describeSignInError(result?.error));
  }

  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        void submit(event.currentTarget);
      }}
    >
      <FormError message={error} />
      <TextField
        id="email"
        label="Email"
        type="email"
        autoComplete="email"
        required
        errors={fieldErrors.email}
      />
      <TextField
        id="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        errors={fieldErrors.password}
      />
      <SubmitButton pending={isPending} pendingText="Signing in…" className={`${primaryButtonClass} w-full`}>
        Sign in
      </SubmitButton>
    </form>
  );
}
