"use client";

import { useActionState } from "react";
import type { CatalogueTool } from "@/components/policies/editor/tool-rules";
import { ActionForm } from "@/components/ui/action-form";
import { FieldErrorList, TextAreaField, TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-message";
import { cardClass, secondaryButtonClass } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import { type TryPolicyState, tryPolicyAction } from "./actions";
import { DecisionView } from "./decision-view";

/** "Try it": how the draft would decide one tool call with these arguments. */
export function TryItPanel(props: { policyId: string; draft: string; catalogue: CatalogueTool[] }) {
  const [state, formAction, isPending] = useActionState<TryPolicyState, FormData>(tryPolicyAction, {});
  const errors = state.fieldErrors ?? {};
  return (
    <section className={`${cardClass} p-6`} aria-labelledby="try-heading">
      <h2 id="try-heading" className="text-base font-semibold text-slate-900">
        Try it
      </h2>
      <p className="mb-4 mt-1 text-sm text-slate-600">
        Decides one call under the draft in the editor, saved or not. Limits are shown, not counted.
      </p>
      <ActionForm action={formAction} className="space-y-4">
        <input type="hidden" name="policyId" value={props.policyId} />
        <input type="hidden" name="draft" value={props.draft} />
        <datalist id="catalogue-tools">
          {props.catalogue.map((tool) => (
            <option key={tool.name} value={tool.name} />
          ))}
        </datalist>
        <TextField
          id="tool"
          label="Tool name"
          list="catalogue-tools"
          autoComplete="off"
          placeholder="Choose from the catalogue or type a name"
          errors={errors.tool}
        />
        <TextAreaField id="args" label="Arguments (JSON)" rows={4} defaultValue="{}" errors={errors.args} />
        <SubmitButton pending={isPending} pendingText="Trying…" className={secondaryButtonClass}>
          Try it
        </SubmitButton>
      </ActionForm>
      <div className="mt-4" data-testid="try-result" data-answered-at={state.answeredAt} aria-live="polite">
        {isPending ? null : (
          <>
            <FormError message={state.formError} />
            {errors.draft?.length ? (
              <div className="space-y-1 text-sm">
                <p className="font-medium text-red-800">The draft has problems:</p>
                <FieldErrorList id="try-draft-error" errors={errors.draft} />
              </div>
            ) : null}
            {state.decision ? <DecisionView tool={state.tool ?? ""} decision={state.decision} /> : null}
          </>
        )}
      </div>
    </section>
  );
}
