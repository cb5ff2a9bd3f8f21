"use client";

import { useActionState, useEffect } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import { FormError, FormSuccess } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { type SavePolicyState, savePolicyAction } from "./actions";

/**
 * Saves the draft as the next version. The version it was edited from travels along, so a
 * save over someone else's newer version is refused instead of silently undoing theirs.
 */
export function SavePolicyForm(props: {
  policyId: string;
  version: number;
  draft: string;
  onErrors: (errors: string[] | undefined) => void;
}) {
  const [state, formAction, isPending] = useActionState<SavePolicyState, FormData>(savePolicyAction, {});
  const { onErrors } = props;
  const documentErrors = state.fieldErrors?.document;
  useEffect(() => onErrors(documentErrors), [documentErrors, onErrors]);
  return (
    <ActionForm action={formAction} className="space-y-4 border-t border-slate-100 pt-4">
      <input type="hidden" name="policyId" value={props.policyId} />
      <input type="hidden" name="document" value={props.draft} />
      <input
        type="hidden"
        name="expectedVersion"
        // The page's version moves on when the recommended policy is applied; a save here moves it too.
        value={Math.max(state.savedVersion ?? 0, props.version)}
      />
      <FormError message={state.formError} />
      <TextField
        // A new key after each save starts the next change with an empty note.
        key={state.savedVersion ?? 0}
        id="comment"
        label="Change note"
        placeholder="Optional: why you changed it, shown in the history"
        errors={state.fieldErrors?.comment}
      />
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={isPending} pendingText="Saving…">
          Save policy
        </SubmitButton>
        {state.savedVersion && !isPending ? (
          <FormSuccess>
            Saved as version {state.savedVersion}.{state.notice ? ` ${state.notice}` : ""}
          </FormSuccess>
        ) : null}
      </div>
    </ActionForm>
  );
}
