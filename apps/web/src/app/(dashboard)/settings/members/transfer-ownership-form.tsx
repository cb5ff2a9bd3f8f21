"use client";

import { useActionState, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { ConfirmStep } from "@/components/ui/confirm-step";
import { SelectField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-message";
import { cardClass, secondaryButtonClass } from "@/components/ui/styles";
import type { FormState } from "@/server/form-state";
import { transferOwnershipAction } from "./member-actions";

type Candidate = { userId: string; name: string; email: string };

/** The owner picks a member, then confirms: the member becomes owner and the owner becomes an admin. */
export function TransferOwnershipForm({ candidates }: { candidates: Candidate[] }) {
  const [state, formAction, isPending] = useActionState<FormState, FormData>(transferOwnershipAction, {});
  const [userId, setUserId] = useState(candidates[0]?.userId ?? "");
  const [isConfirming, setIsConfirming] = useState(false);
  const chosen = candidates.find((candidate) => candidate.userId === userId);
  return (
    <ActionForm action={formAction} className={`${cardClass} max-w-xl space-y-4 p-6`}>
      <FormError message={state.formError} />
      <SelectField
        id="userId"
        label="New owner"
        value={userId}
        disabled={isConfirming}
        onChange={(event) => setUserId(event.target.value)}
        errors={state.fieldErrors?.userId}
      >
        {candidates.map((candidate) => (
          <option key={candidate.userId} value={candidate.userId}>
            {candidate.name} ({candidate.email})
          </option>
        ))}
      </SelectField>
      {/* A disabled select is not submitted, so the choice travels in a hidden field while confirming. */}
      {isConfirming ? <input type="hidden" name="userId" value={userId} /> : null}
      {isConfirming && chosen ? (
        <div className="space-y-2">
          <ConfirmStep
            question={
              <>
                Make <strong>{chosen.name}</strong> the owner? You become an admin, and only they can transfer
                ownership back.
              </>
            }
            confirmLabel="Confirm transfer"
            pendingText="Transferring…"
            isPending={isPending}
            onCancel={() => setIsConfirming(false)}
          />
        </div>
      ) : (
        <button
          type="button"
          className={secondaryButtonClass}
          disabled={!chosen}
          onClick={() => setIsConfirming(true)}
        >
          Transfer ownership…
        </button>
      )}
    </ActionForm>
  );
}
