"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { FieldErrorList } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-message";
import { cardClass, secondaryButtonClass } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import { type ReplayPolicyState, replayPolicyAction } from "./actions";
import { ReplayTable } from "./replay-table";

/** "Replay": the server's last 100 calls decided again under the draft, changed decisions first. */
export function ReplayPanel(props: { policyId: string; draft: string }) {
  const [state, formAction, isPending] = useActionState<ReplayPolicyState, FormData>(replayPolicyAction, {});
  const { replay } = state;
  return (
    <section className={`${cardClass} p-6`} aria-labelledby="replay-heading">
      <h2 id="replay-heading" className="text-base font-semibold text-slate-900">
        Replay
      </h2>
      <p className="mb-4 mt-1 text-sm text-slate-600">
        Decides this server's recent calls again under the draft and shows what would change. The audit log
        keeps argument names, not values, so decisions that depend on values are marked.
      </p>
      <ActionForm action={formAction}>
        <input type="hidden" name="policyId" value={props.policyId} />
        <input type="hidden" name="draft" value={props.draft} />
        <SubmitButton pending={isPending} pendingText="Replaying…" className={secondaryButtonClass}>
          Replay last 100 calls
        </SubmitButton>
      </ActionForm>
      <div
        className="mt-4 space-y-3"
        data-testid="replay-result"
        data-answered-at={state.answeredAt}
        aria-live="polite"
      >
        {isPending ? null : (
          <>
            <FormError message={state.formError} />
            {state.fieldErrors?.document?.length ? (
              <div className="space-y-1 text-sm">
                <p className="font-medium text-red-800">The draft has problems:</p>
                <FieldErrorList id="replay-draft-error" errors={state.fieldErrors.document} />
              </div>
            ) : null}
            {replay ? (
              <>
                <p className="text-sm text-slate-800" data-testid="replay-summary">
                  {replay.total === 0
                    ? "No calls to replay yet: none of this server's calls are in the audit log."
                    : `${replay.changedCount} of ${replay.total} decisions would change.`}
                </p>
                {replay.total ? <ReplayTable rows={replay.rows} /> : null}
              </>
            ) : null}
          </>
        )}
      </div>
    </section>
  );
}
