"use client";

import { type ReactNode, useActionState } from "react";
import { ConfirmActionForm } from "@/components/ui/confirm-action-form";
import { FormError } from "@/components/ui/form-message";
import type { FormState } from "@/server/form-state";

/**
 * A members-page action that cannot be undone (remove, revoke, leave): it asks in the page
 * first, sends `fields` with the form, and shows the server's answer next to the button.
 */
export function ConfirmedMemberAction(props: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  fields: Record<string, string>;
  label: string;
  question: ReactNode;
  confirmLabel: string;
  pendingText: string;
}) {
  const [state, formAction, isPending] = useActionState<FormState, FormData>(props.action, {});
  const submit = (formData: FormData) => {
    for (const [name, value] of Object.entries(props.fields)) formData.set(name, value);
    formAction(formData);
  };
  return (
    <div className="space-y-2 text-left">
      <ConfirmActionForm
        label={props.label}
        question={props.question}
        confirmLabel={props.confirmLabel}
        pendingText={props.pendingText}
        action={submit}
        isPending={isPending}
      />
      <FormError message={state.formError} />
    </div>
  );
}
