"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { type RefObject, useEffect, useState } from "react";

/**
 * Once the server action has created the account, signs the browser in with the email and
 * password still in the form and opens `callbackUrl`; if that fails, says `failureMessage`.
 */
export function useSignInAfterSignUp(options: {
  isCreated: boolean | undefined;
  formRef: RefObject<HTMLFormElement | null>;
  callbackUrl: string;
  failureMessage: string;
}): { isSigningIn: boolean; signInError: string | undefined } {
  const router = useRouter();
  const [signInError, setSignInError] = useState<string>();
  const [isSigningIn, setIsSigningIn] = useState(false);
  const { isCreated, formRef, callbackUrl, failureMessage } = options;

  useEffect(() => {
    const form = formRef.current;
    if (!isCreated || !form) return;
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
        setSignInError(failureMessage);
      });
  }, [isCreated, formRef, router, callbackUrl, failureMessage]);

  return { isSigningIn, signInError };
}
