"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { SelectField } from "@/components/ui/field";
import { FormError, FormSuccess } from "@/components/ui/form-message";
import { secondaryButtonClass } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import { type ChangePolicyState, changeGrantPolicyAction } from "./actions";

/** Chooses which of the server's policies this grant follows. */
export function ChangePolicyForm(props: {
  grantId: string;
  currentPolicyId: string;
  policies: { id: string; name: string; currentVersion: number }[];
}) {
  const [state, formAction, isPending] = useActionState<ChangePolicyState, FormData>(
    changeGrantPolicyAction,
    {},
  );
  return (
    <ActionForm action={formAction} className="space-y-3">
      <input type="hidden" name="grantId" value={props.grantId} />
      <FormError message={state.formError} />
      <SelectField
        id="policyId"
        label="Policy"
        defaultValue={props.currentPolicyId}
        errors={state.fieldErrors?.policyId}
      >
        {props.policies.map((policy) => (
          <option key={policy.id} value={policy.id}>
            {policy.name} (v{policy.currentVersion})
          </option>
        ))}
      </SelectField>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={isPending} pendingText="Changing…" className={secondaryButtonClass}>
          Change policy
        </SubmitButton>
        {state.isChanged && !isPending ? (
          <FormSuccess>
            Policy changed; the agent's next call follows it.{state.notice ? ` ${state.notice}` : ""}
          </FormSuccess>
        ) : null}
      </div>
    </ActionForm>
  );
}
