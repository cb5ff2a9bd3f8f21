"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-message";
import { dangerButtonClass, primaryButtonClass } from "@/components/ui/styles";
import type { ApprovalView } from "@/lib/approval-feeds";
import { pluralize } from "@/lib/format";
import { type DecideApprovalState, decideApprovalAction } from "./actions";

type Props = {
  approval: Pick<ApprovalView, "id" | "name" | "reuseWindowSeconds">;
  /** Past its expiry: the proxy is about to refuse the call, so it can no longer be decided. */
  isExpired: boolean;
  /** Called once the request is no longer pending, with what to tell the person. */
  onEnded: (ended: NonNullable<DecideApprovalState["ended"]>) => void;
};

/** Approve or Deny a held call, with an optional comment and, when the policy offers it, identical calls too. */
export function DecideApprovalForm({ approval, isExpired, onEnded }: Props) {
  const [state, formAction, isPending] = useActionState<DecideApprovalState, FormData>(
    async (previous, formData) => {
      const next = await decideApprovalAction(previous, formData);
      if (next.ended) onEnded(next.ended);
      return next;
    },
    {},
  );
  const fieldId = (name: string) => `${name}-${approval.id}`;
  return (
    <ActionForm action={formAction} className="space-y-3" aria-label={`Decide ${approval.name}`}>
      <input type="hidden" name="approvalId" value={approval.id} />
      <TextField
        id={fieldId("comment")}
        name="comment"
        label="Comment (optional)"
        hint="Kept with the decision; the agent sees it too."
        maxLength={1000}
        errors={state.fieldErrors?.comment}
      />
      {approval.reuseWindowSeconds !== null ? (
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input
            type="checkbox"
            name="allowIdentical"
            className="h-4 w-4 rounded border-slate-300 text-indigo-600 focus:ring-indigo-500"
          />
          Also allow identical calls for {describeWindow(approval.reuseWindowSeconds)}
        </label>
      ) : null}
      <FormError message={state.formError} />
      {isExpired ? (
        <p className="text-sm text-slate-600">Time is up: the proxy is refusing this call.</p>
      ) : null}
      <div className="flex gap-3">
        <button
          type="submit"
          name="decision"
          value="approve"
          disabled={isPending || isExpired}
          aria-busy={isPending || undefined}
          className={primaryButtonClass}
        >
          Approve
        </button>
        <button
          type="submit"
          name="decision"
          value="deny"
          disabled={isPending || isExpired}
          aria-busy={isPending || undefined}
          className={dangerButtonClass}
        >
          Deny
        </button>
        {isPending ? (
          <span role="status" className="self-center text-sm text-slate-600">
            Sending decision…
          </span>
        ) : null}
      </div>
    </ActionForm>
  );
}

// Policies set the window in whole minutes or hours as a rule ("15m", "1h"); seconds are shown as such.
function describeWindow(seconds: number): string {
  if (seconds % 3600 === 0) return pluralize(seconds / 3600, "hour");
  if (seconds % 60 === 0) return pluralize(seconds / 60, "minute");
  return pluralize(seconds, "second");
}
