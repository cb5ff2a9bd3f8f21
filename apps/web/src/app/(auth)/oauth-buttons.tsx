"use client";

import { signIn } from "next-auth/react";
import { useEffect, useState } from "react";
import { FormError } from "@/components/ui/form-message";
import { secondaryButtonClass } from "@/components/ui/styles";

type OAuthButtonsProps = {
  /** The providers the server has configured; with none, nothing is shown. */
  providers: { id: string; name: string }[];
  callbackUrl: string;
};

/** "Continue with GitHub / Google" buttons above an "or" divider; each leaves for its provider. */
export function OAuthButtons({ providers, callbackUrl }: OAuthButtonsProps) {
  const [pendingId, setPendingId] = useState<string>();
  const [error, setError] = useState<string>();

  // Coming back with the browser's Back button restores this page as it was left, mid-redirect.
  useEffect(() => {
    const reset = (event: PageTransitionEvent) => {
      if (event.persisted) setPendingId(undefined);
    };
    window.addEventListener("pageshow", reset);
    return () => window.removeEventListener("pageshow", reset);
  }, []);

  if (providers.length === 0) return null;
  return (
    <div className="space-y-3">
      <FormError message={error} />
      {providers.map((provider) => (
        <button
          key={provider.id}
          type="button"
          disabled={pendingId !== undefined}
          aria-busy={pendingId === provider.id || undefined}
          className={`${secondaryButtonClass} w-full`}
          onClick={() => {
            setPendingId(provider.id);
            setError(undefined);
            signIn(provider.id, { callbackUrl }).catch(() => {
              setPendingId(undefined);
              setError(`Could not reach ${provider.name}. Try again.`);
            });
          }}
        >
          {pendingId === provider.id ? `Going to ${provider.name}…` : `Continue with ${provider.name}`}
        </button>
      ))}
      <div className="flex items-center gap-3 text-xs text-slate-500">
        <span className="h-px flex-1 bg-slate-200" />
        or
        <span className="h-px flex-1 bg-slate-200" />
      </div>
    </div>
  );
}
