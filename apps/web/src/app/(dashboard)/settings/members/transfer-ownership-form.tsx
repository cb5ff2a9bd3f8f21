"use client";

import { useActionState, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { SelectField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-message";
import { cardClass, dangerButtonClass, secondaryButtonClass } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
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
          <p className="text-sm text-red-900">
            Make <strong>{chosen.name}</strong> the owner? You become an admin, and only they can transfer
            ownership back.
          </p>
          <div className="flex gap-2">
            <SubmitButton pending={isPending} pendingText="Transferring…" className={dangerButtonClass}>
              Confirm transfer
            </SubmitButton>
            <button
              type="button"
              className={secondaryButtonClass}
              disabled={isPending}
              onClick={() => setIsConfirming(false)}
            >
              Cancel
            </button>
          </div>
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
