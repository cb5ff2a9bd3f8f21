"use client";

import { useActionState } from "react";
import { ExpiryField } from "@/components/grants/expiry-field";
import { ActionForm } from "@/components/ui/action-form";
import { FormError, FormSuccess } from "@/components/ui/form-message";
import { secondaryButtonClass } from "@/components/ui/styles";
import { type SetExpiryState, setGrantExpiryAction } from "./actions";

/** Sets when the grant stops working, or removes the expiry; an expired grant can be extended here. */
export function ExpiryForm({ grantId, expiresAt }: { grantId: string; expiresAt: Date | null }) {
  const [state, formAction, isPending] = useActionState<SetExpiryState, FormData>(setGrantExpiryAction, {});
  return (
    <ActionForm action={formAction} className="space-y-3">
      <input type="hidden" name="grantId" value={grantId} />
      <FormError message={state.formError} />
      {/* Remounted when the saved expiry changes, so the field shows it after "Remove expiry" too. */}
      <ExpiryField
        key={expiresAt?.toISOString() ?? "none"}
        defaultValue={expiresAt}
        errors={state.fieldErrors?.expiresAt}
      />
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          name="intent"
          value="save"
          disabled={isPending}
          aria-busy={isPending || undefined}
          className={secondaryButtonClass}
        >
          {isPending ? "Saving…" : "Save expiry"}
        </button>
        {expiresAt ? (
          <button
            type="submit"
            name="intent"
            value="clear"
            disabled={isPending}
            className={secondaryButtonClass}
          >
            Remove expiry
          </button>
        ) : null}
      </div>
      {state.isSaved && !isPending ? (
        <FormSuccess>
          Expiry saved; it applies from the agent's next call.{state.notice ? ` ${state.notice}` : ""}
        </FormSuccess>
      ) : null}
    </ActionForm>
  );
}
