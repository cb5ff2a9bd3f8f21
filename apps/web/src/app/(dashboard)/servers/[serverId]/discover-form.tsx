"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { FormError, FormSuccess } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { type DiscoverState, discoverToolsAction } from "./actions";

/** The "Connect & discover" button, with its result shown right next to it. */
export function DiscoverForm({ serverId }: { serverId: string }) {
  const [state, formAction, isPending] = useActionState<DiscoverState, FormData>(discoverToolsAction, {});
  return (
    <ActionForm action={formAction} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="serverId" value={serverId} />
      <SubmitButton pending={isPending} pendingText="Connecting…">
        Connect &amp; discover
      </SubmitButton>
      {isPending ? null : (
        <div className="min-w-0 flex-1 space-y-2" data-testid="discover-result">
          <FormError message={state.formError} />
          <FormSuccess>{state.successMessage}</FormSuccess>
          {state.awaitingMessage ? (
            <p
              role="status"
              data-testid="discover-awaiting"
              className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
            >
              {state.awaitingMessage}
            </p>
          ) : null}
        </div>
      )}
    </ActionForm>
  );
}
