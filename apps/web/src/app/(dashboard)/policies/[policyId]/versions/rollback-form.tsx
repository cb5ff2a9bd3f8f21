"use client";

import { useActionState } from "react";
import { ConfirmActionForm } from "@/components/ui/confirm-action-form";
import { FormError, FormSuccess } from "@/components/ui/form-message";
import { type RollbackState, rollbackPolicyAction } from "./actions";

/** "Roll back to version N", confirmed in the page, saves that version's document as a new version. */
export function RollbackForm({ policyId, toVersion }: { policyId: string; toVersion: number }) {
  const [state, formAction, isPending] = useActionState<RollbackState, FormData>(rollbackPolicyAction, {});

  if (state.savedVersion && !isPending) {
    return (
      <FormSuccess>
        Rolled back: saved as version {state.savedVersion}.{state.notice ? ` ${state.notice}` : ""}
      </FormSuccess>
    );
  }
  return (
    <ConfirmActionForm
      label={`Roll back to version ${toVersion}`}
      tone="caution"
      className="space-y-3 rounded-md border border-amber-200 bg-amber-50 p-3"
      question={`Save version ${toVersion}'s document as a new version? Every grant using this policy follows it from its next call.`}
      confirmLabel="Confirm roll back"
      pendingText="Rolling back…"
      action={formAction}
      isPending={isPending}
    >
      <input type="hidden" name="policyId" value={policyId} />
      <input type="hidden" name="toVersion" value={toVersion} />
      <FormError message={state.formError} />
    </ConfirmActionForm>
  );
}
