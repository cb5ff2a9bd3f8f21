"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { FormError } from "@/components/ui/form-message";
import { primaryButtonClass } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/server/form-state";
import { acceptInvitationAction } from "./actions";

/** One button for a signed-in person: join, then land in the organisation. */
export function JoinForm({ token, orgName }: { token: string; orgName: string }) {
  const [state, formAction, isPending] = useActionState<FormState, FormData>(acceptInvitationAction, {});
  return (
    <ActionForm action={formAction} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <FormError message={state.formError} />
      <SubmitButton pending={isPending} pendingText="Joining…" className={`${primaryButtonClass} w-full`}>
        Join {orgName}
      </SubmitButton>
    </ActionForm>
  );
}
