"use client";

import { useActionState, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { FormError } from "@/components/ui/form-message";
import { dangerButtonClass, secondaryButtonClass } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/server/form-state";
import { revokeApiKeyAction } from "./actions";

const smallButton = "px-3 py-1.5 text-xs";

/** "Revoke" asks for confirmation in the page (not a browser dialog), then revokes the key. */
export function RevokeApiKeyForm({ apiKeyId, name }: { apiKeyId: string; name: string }) {
  const [state, formAction, isPending] = useActionState<FormState, FormData>(revokeApiKeyAction, {});
  const [isConfirming, setIsConfirming] = useState(false);

  if (!isConfirming) {
    return (
      <button
        type="button"
        className={`${secondaryButtonClass} ${smallButton}`}
        onClick={() => setIsConfirming(true)}
      >
        Revoke
      </button>
    );
  }
  return (
    <ActionForm action={formAction} className="space-y-2 text-left">
      <input type="hidden" name="apiKeyId" value={apiKeyId} />
      <p className="max-w-xs text-xs text-red-900">
        Revoke <strong>{name}</strong>? Requests made with it are refused from now on. This cannot be undone.
      </p>
      <FormError message={state.formError} />
      <div className="flex gap-2">
        <SubmitButton
          pending={isPending}
          pendingText="Revoking…"
          className={`${dangerButtonClass} ${smallButton}`}
        >
          Confirm revoke
        </SubmitButton>
        <button
          type="button"
          className={`${secondaryButtonClass} ${smallButton}`}
          disabled={isPending}
          onClick={() => setIsConfirming(false)}
        >
          Cancel
        </button>
      </div>
    </ActionForm>
  );
}
