"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-message";
import { cardClass } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/server/form-state";
import { createOrganizationAction } from "../actions";

/** Names the new organisation; on success the action switches to it and opens its servers. */
export function CreateOrganizationForm() {
  const [state, formAction, isPending] = useActionState<FormState, FormData>(createOrganizationAction, {});
  return (
    <ActionForm action={formAction} className={`${cardClass} max-w-lg space-y-4 p-6`}>
      <FormError message={state.formError} />
      <TextField
        id="name"
        label="Organisation name"
        autoComplete="organization"
        required
        errors={state.fieldErrors?.name}
      />
      <SubmitButton pending={isPending} pendingText="Creating…">
        Create organisation
      </SubmitButton>
    </ActionForm>
  );
}
