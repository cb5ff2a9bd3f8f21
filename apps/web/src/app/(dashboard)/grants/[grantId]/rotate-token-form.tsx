"use client";

import { GRACE_PERIOD_CHOICES } from "@gatehouse/core/grants/grace-periods";
import { useActionState, useState } from "react";
import { IssuedGrantPanel } from "@/components/grants/issued-grant-panel";
import { ActionForm } from "@/components/ui/action-form";
import { ConfirmStep } from "@/components/ui/confirm-step";
import { SelectField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-message";
import { primaryButtonClass, secondaryButtonClass } from "@/components/ui/styles";
import { type RotateTokenState, rotateGrantTokenAction } from "./actions";

/**
 * Rotates the grant's token after a confirmation in the page, then shows the new token once.
 * The person chooses how long the old token keeps working, so agents can be moved over first.
 */
export function RotateTokenForm({ grantId, grantName }: { grantId: string; grantName: string }) {
  const [state, formAction, isPending] = useActionState<RotateTokenState, FormData>(
    rotateGrantTokenAction,
    {},
  );
  const [isConfirming, setIsConfirming] = useState(false);
  const [dismissedToken, setDismissedToken] = useState<string>();

  if (state.issued && state.issued.token !== dismissedToken) {
    const { token } = state.issued;
    return (
      <IssuedGrantPanel
        issued={state.issued}
        heading={`New token for ${grantName}`}
        ifLost="if it is lost, rotate again."
      >
        {state.notice ? <p className="text-sm text-amber-800">{state.notice}</p> : null}
        <button
          type="button"
          className={primaryButtonClass}
          onClick={() => {
            setDismissedToken(token);
            setIsConfirming(false);
          }}
        >
          Done
        </button>
      </IssuedGrantPanel>
    );
  }
  return (
    <ActionForm action={formAction} className="space-y-3">
      <input type="hidden" name="grantId" value={grantId} />
      <FormError message={state.formError} />
      <SelectField
        id="gracePeriodSeconds"
        label="The old token stops working"
        defaultValue="3600"
        errors={state.fieldErrors?.gracePeriodSeconds}
      >
        {GRACE_PERIOD_CHOICES.map((choice) => (
          <option key={choice.seconds} value={choice.seconds}>
            {choice.label}
          </option>
        ))}
      </SelectField>
      {isConfirming ? (
        <div className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4">
          <ConfirmStep
            tone="caution"
            question={
              <>
                Issue a new token for <strong>{grantName}</strong>? Agents must switch to the new URL before
                the old token stops working.
              </>
            }
            confirmLabel="Confirm rotation"
            pendingText="Rotating…"
            isPending={isPending}
            onCancel={() => setIsConfirming(false)}
          />
        </div>
      ) : (
        <button type="button" className={secondaryButtonClass} onClick={() => setIsConfirming(true)}>
          Rotate token
        </button>
      )}
    </ActionForm>
  );
}
