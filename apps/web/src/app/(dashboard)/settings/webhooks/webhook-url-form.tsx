"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import { FormError, FormSuccess } from "@/components/ui/form-message";
import { cardClass } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import { type SaveWebhookState, saveWebhookAction } from "./actions";
import { EndpointSummary } from "./endpoint-summary";
import { IssuedSecretPanel } from "./issued-secret-panel";

type SavedWebhook = { id: string; url: string; secretPrefix: string; isEnabled: boolean };

/** Sets the webhook's URL (creating the webhook the first time); a new webhook's secret is shown above, once. */
export function WebhookUrlForm({ webhook }: { webhook: SavedWebhook | null }) {
  const [state, formAction, isPending] = useActionState<SaveWebhookState, FormData>(saveWebhookAction, {});
  // A result about a webhook deleted since would only confuse.
  const successMessage = state.webhookId === webhook?.id ? state.successMessage : undefined;
  return (
    <div className="space-y-4">
      <IssuedSecretPanel secret={state.issuedSecret} currentPrefix={webhook?.secretPrefix ?? null} />
      <section aria-labelledby="endpoint-heading" className={`${cardClass} space-y-4 p-6`}>
        <EndpointSummary webhook={webhook} />
        <ActionForm action={formAction} className="flex flex-wrap items-end gap-4">
          <div className="min-w-64 flex-1">
            <TextField
              id="url"
              label="Webhook URL"
              type="url"
              defaultValue={webhook?.url ?? ""}
              placeholder="https://hooks.example.com/gatehouse"
              hint="Gatehouse POSTs a JSON message here for each new approval request."
              errors={state.fieldErrors?.url}
            />
          </div>
          <SubmitButton pending={isPending} pendingText="Saving…">
            {webhook ? "Save URL" : "Create webhook"}
          </SubmitButton>
        </ActionForm>
        {isPending ? null : (
          <div className="space-y-2">
            <FormError message={state.formError} />
            <FormSuccess>{successMessage}</FormSuccess>
          </div>
        )}
      </section>
    </div>
  );
}
