"use client";

import { useActionState, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { FormError } from "@/components/ui/form-message";
import { dangerButtonClass, secondaryButtonClass } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/server/form-state";
import { revokeGrantAction } from "./actions";

/** "Revoke grant" asks for confirmation in the page (not a browser dialog), then revokes. */
export function RevokeGrantForm({ grantId, grantName }: { grantId: string; grantName: string }) {
  const [state, formAction, isPending] = useActionState<FormState, FormData>(revokeGrantAction, {});
  const [isConfirming, setIsConfirming] = useState(false);

  if (!isConfirming) {
    return (
      <button type="button" className={dangerButtonClass} onClick={() => setIsConfirming(true)}>
        Revoke grant
      </button>
    );
  }
  return (
    <ActionForm action={formAction} className="space-y-3 rounded-md border border-red-200 bg-red-50 p-4">
      <input type="hidden" name="grantId" value={grantId} />
      <p className="text-sm text-red-900">
        Revoke the grant for <strong>{grantName}</strong>? Its URL and token stop working immediately, and
        this cannot be undone.
      </p>
      <FormError message={state.formError} />
      <div className="flex gap-3">
        <SubmitButton pending={isPending} pendingText="Revoking…" className={dangerButtonClass}>
          Confirm revoke
        </SubmitButton>
        <button
          type="button"
          className={secondaryButtonClass}
          disabled={isPending}
          onClick={() => setIsConfirming(false)}
        >
          Cancel
        </button>
      </div>
    </ActionForm>
  );
}
