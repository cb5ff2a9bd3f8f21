"use client";

import type { DiffLine } from "@gatehouse/core/policies/diff-lines";
import { useActionState, useEffect } from "react";
import { RecommendedRules } from "@/components/catalogue/recommended-rules";
import { ActionForm } from "@/components/ui/action-form";
import { FormError, FormSuccess } from "@/components/ui/form-message";
import { LineDiff } from "@/components/ui/line-diff";
import { cardClass } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import { type ApplyRecommendedState, applyRecommendedPolicyAction } from "./actions";

/** What the recommendation looks like next to the saved version. */
export type Recommendation = { diff: DiffLine[]; toolCount: number };

/**
 * "Recommended policy": the policy the server's catalogue suggests, as a diff against the
 * saved version, applied as a new version in one click. The editor then shows what was saved.
 */
export function RecommendedPolicyPanel(props: {
  policyId: string;
  version: number;
  recommendation: Recommendation;
  canEdit: boolean;
  onApplied: (document: string) => void;
}) {
  const [state, formAction, isPending] = useActionState<ApplyRecommendedState, FormData>(
    applyRecommendedPolicyAction,
    {},
  );
  const { onApplied } = props;
  useEffect(() => {
    if (state.document) onApplied(state.document);
  }, [state.document, onApplied]);
  const { diff, toolCount } = props.recommendation;
  const isSame = diff.every((line) => line.kind === "same");
  return (
    <section
      className={`${cardClass} space-y-4 p-6`}
      aria-labelledby="recommended-heading"
      data-testid="recommended-policy-panel"
    >
      <div>
        <h2 id="recommended-heading" className="text-base font-semibold text-slate-900">
          Recommended policy
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Built from this server's catalogue ({toolCount} tools) and shown as the changes it would make to the
          saved version.
        </p>
      </div>
      <RecommendedRules />
      {toolCount === 0 ? (
        <p className="text-sm text-slate-600">
          The server has no discovered tools yet: run “Connect &amp; discover” on its page first.
        </p>
      ) : isSame ? null : (
        <div className="max-h-[28rem] overflow-auto">
          <LineDiff lines={diff} testId="recommended-diff" />
        </div>
      )}
      {state.appliedVersion && !isPending ? (
        <FormSuccess>
          Applied the recommended policy as version {state.appliedVersion}.
          {state.notice ? ` ${state.notice}` : ""}
        </FormSuccess>
      ) : null}
      <FormError message={state.formError} />
      {props.canEdit && toolCount > 0 && !isSame ? (
        <ActionForm action={formAction}>
          <input type="hidden" name="policyId" value={props.policyId} />
          <input type="hidden" name="expectedVersion" value={props.version} />
          <SubmitButton pending={isPending} pendingText="Applying…">
            Apply recommended policy
          </SubmitButton>
          <p className="mt-2 text-xs text-slate-500">
            Saves it as a new version (you can roll back from the history); unsaved edits in the editor are
            replaced.
          </p>
        </ActionForm>
      ) : isSame && toolCount > 0 ? (
        <p className="text-sm text-slate-600" data-testid="recommended-matches">
          The saved version already matches the recommendation.
        </p>
      ) : null}
    </section>
  );
}
