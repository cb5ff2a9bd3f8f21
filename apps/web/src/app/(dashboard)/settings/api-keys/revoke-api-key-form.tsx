"use client";

import { useActionState } from "react";
import { ConfirmActionForm } from "@/components/ui/confirm-action-form";
import { FormError } from "@/components/ui/form-message";
import type { FormState } from "@/server/form-state";
import { revokeApiKeyAction } from "./actions";

/** "Revoke" asks for confirmation in the page (not a browser dialog), then revokes the key. */
export function RevokeApiKeyForm({ apiKeyId, name }: { apiKeyId: string; name: string }) {
  const [state, formAction, isPending] = useActionState<FormState, FormData>(revokeApiKeyAction, {});
  return (
    <ConfirmActionForm
      label="Revoke"
      isSmall
      className="space-y-2 text-left"
      question={
        <>
          Revoke <strong>{name}</strong>? Requests made with it are refused from now on. This cannot be
          undone.
        </>
      }
      confirmLabel="Confirm revoke"
      pendingText="Revoking…"
      action={formAction}
      isPending={isPending}
    >
      <input type="hidden" name="apiKeyId" value={apiKeyId} />
      <FormError message={state.formError} />
    </ConfirmActionForm>
  );
}
