"use client";

import { useActionState } from "react";
import { ConfirmActionForm } from "@/components/ui/confirm-action-form";
import { FormError } from "@/components/ui/form-message";
import { dangerButtonClass } from "@/components/ui/styles";
import type { FormState } from "@/server/form-state";
import { revokeGrantAction } from "./actions";

/** "Revoke grant" asks for confirmation in the page (not a browser dialog), then revokes. */
export function RevokeGrantForm({ grantId, grantName }: { grantId: string; grantName: string }) {
  const [state, formAction, isPending] = useActionState<FormState, FormData>(revokeGrantAction, {});
  return (
    <ConfirmActionForm
      label="Revoke grant"
      buttonClassName={dangerButtonClass}
      className="space-y-3 rounded-md border border-red-200 bg-red-50 p-4"
      question={
        <>
          Revoke the grant for <strong>{grantName}</strong>? Its URL and token stop working immediately, and
          this cannot be undone.
        </>
      }
      confirmLabel="Confirm revoke"
      pendingText="Revoking…"
      action={formAction}
      isPending={isPending}
    >
      <input type="hidden" name="grantId" value={grantId} />
      <FormError message={state.formError} />
    </ConfirmActionForm>
  );
}
