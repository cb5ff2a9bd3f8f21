"use client";

import { useActionState, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { FormError, FormSuccess } from "@/components/ui/form-message";
import { primaryButtonClass, secondaryButtonClass } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import { type RollbackState, rollbackPolicyAction } from "./actions";

/** "Roll back to version N", confirmed in the page, saves that version's document as a new version. */
export function RollbackForm({ policyId, toVersion }: { policyId: string; toVersion: number }) {
  const [state, formAction, isPending] = useActionState<RollbackState, FormData>(rollbackPolicyAction, {});
  const [isConfirming, setIsConfirming] = useState(false);

  if (state.savedVersion && !isPending) {
    return (
      <FormSuccess>
        Rolled back: saved as version {state.savedVersion}.{state.notice ? ` ${state.notice}` : ""}
      </FormSuccess>
    );
  }
  if (!isConfirming) {
    return (
      <button type="button" className={secondaryButtonClass} onClick={() => setIsConfirming(true)}>
        Roll back to version {toVersion}
      </button>
    );
  }
  return (
    <ActionForm action={formAction} className="space-y-3 rounded-md border border-amber-200 bg-amber-50 p-3">
      <input type="hidden" name="policyId" value={policyId} />
      <input type="hidden" name="toVersion" value={toVersion} />
      <p className="text-sm text-amber-900">
        Save version {toVersion}'s document as a new version? Every grant using this policy follows it from
        its next call.
      </p>
      <FormError message={state.formError} />
      <div className="flex gap-3">
        <SubmitButton pending={isPending} pendingText="Rolling back…" className={primaryButtonClass}>
          Confirm roll back
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
