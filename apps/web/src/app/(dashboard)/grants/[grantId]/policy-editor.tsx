"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { TextAreaField } from "@/components/ui/field";
import { FormError, FormSuccess } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { type PolicyEditorState, updatePolicyAction } from "./actions";

/** Edits a grant's policy JSON; problems are listed under the editor as "path: message". */
export function PolicyEditor(props: {
  grantId: string;
  policyText: string;
  version: number;
  isRevoked: boolean;
}) {
  const [state, formAction, isPending] = useActionState<PolicyEditorState, FormData>(updatePolicyAction, {});
  return (
    <ActionForm action={formAction} className="space-y-4">
      <input type="hidden" name="grantId" value={props.grantId} />
      <FormError message={state.formError} />
      <TextAreaField
        id="policy"
        label="Policy"
        aside={
          <span className="text-sm text-slate-500" data-testid="policy-version">
            Version {props.version}
          </span>
        }
        rows={16}
        defaultValue={props.policyText}
        readOnly={props.isRevoked}
        errors={state.fieldErrors?.policy}
        hint={
          props.isRevoked
            ? "This grant is revoked, so its policy can no longer change."
            : 'Tools not listed under "tools" get the "default" action. Saving takes effect on the next call.'
        }
      />
      {props.isRevoked ? null : (
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
      )}
    </ActionForm>
  );
}
