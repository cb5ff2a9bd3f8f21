"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import { FormError, FormSuccess } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { type RetentionActionState, setAuditRetentionAction } from "./actions";

type Props = { days: number; minDays: number; maxDays: number };

/** Changes how many days audit events are kept. */
export function RetentionForm({ days, minDays, maxDays }: Props) {
  const [state, formAction, isPending] = useActionState<RetentionActionState, FormData>(
    setAuditRetentionAction,
    {},
  );
  return (
    <div className="space-y-4">
      <ActionForm action={formAction} className="flex flex-wrap items-end gap-4">
        <div className="w-64">
          <TextField
            id="days"
            label="Keep audit events for (days)"
            type="number"
            inputMode="numeric"
            min={minDays}
            max={maxDays}
            defaultValue={days}
            hint={`From ${minDays} to ${maxDays} days.`}
            errors={state.fieldErrors?.days}
          />
        </div>
        <SubmitButton pending={isPending} pendingText="Saving…">
          Save retention
        </SubmitButton>
      </ActionForm>
      {isPending ? null : (
        <div className="space-y-2">
          <FormError message={state.formError} />
          <FormSuccess>{state.successMessage}</FormSuccess>
        </div>
      )}
    </div>
  );
}
