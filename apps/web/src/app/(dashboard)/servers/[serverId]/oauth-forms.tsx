"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-message";
import { secondaryButtonClass } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/server/form-state";
import { connectOAuthAction, disconnectOAuthAction } from "./oauth-actions";

/**
 * "Connect" (or "Reconnect"): on success the browser leaves for the authorization server. A
 * client id and secret are only needed for a server that does not let Gatehouse register itself.
 */
export function OAuthConnectForm({ serverId, label }: { serverId: string; label: string }) {
  const [state, formAction, isPending] = useActionState<FormState, FormData>(connectOAuthAction, {});
  const needsClient = Boolean(state.fieldErrors?.clientId?.length);
  return (
    <ActionForm action={formAction} className="space-y-3" data-testid="oauth-connect-form">
      <input type="hidden" name="serverId" value={serverId} />
      <FormError message={state.formError} />
      <details className="text-sm" open={needsClient || undefined}>
        <summary className="cursor-pointer text-slate-600">
          Use a client registered by hand (optional)
        </summary>
        <div className="mt-3 grid max-w-xl gap-3">
          <TextField
            id="clientId"
            label="Client ID"
            autoComplete="off"
            spellCheck={false}
            hint="Leave empty to let Gatehouse register itself, when the authorization server allows it."
            errors={state.fieldErrors?.clientId}
          />
          <TextField
            id="clientSecret"
            label="Client secret"
            type="password"
            autoComplete="new-password"
            hint="Stored encrypted and never shown again. Leave empty for a public client."
            errors={state.fieldErrors?.clientSecret}
          />
        </div>
      </details>
      <SubmitButton pending={isPending} pendingText="Opening the authorization server…">
        {label}
      </SubmitButton>
    </ActionForm>
  );
}

/** Forgets the stored tokens; calls through grants then fail until someone connects again. */
export function OAuthDisconnectForm({ serverId }: { serverId: string }) {
  const [state, formAction, isPending] = useActionState<FormState, FormData>(disconnectOAuthAction, {});
  return (
    <ActionForm action={formAction} className="space-y-2">
      <input type="hidden" name="serverId" value={serverId} />
      <SubmitButton pending={isPending} pendingText="Disconnecting…" className={secondaryButtonClass}>
        Disconnect
      </SubmitButton>
      <FormError message={state.formError} />
    </ActionForm>
  );
}
