"use client";

import { type ReactNode, useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { FormError, FormSuccess } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { type ApproveToolState, approveToolChangeAction } from "./actions";

/**
 * The "changed — awaiting approval" notice with its "Approve new definition" button. It stays
 * mounted after approving (when the page no longer sees a pending change), so the success
 * message survives the page re-reading the tool.
 */
export function ApprovalPanel(props: {
  serverId: string;
  toolId: string;
  isAwaiting: boolean;
  canApprove: boolean;
  /** Why the tool is blocked, rendered by the page. */
  children: ReactNode;
}) {
  const [state, formAction, isPending] = useActionState<ApproveToolState, FormData>(
    approveToolChangeAction,
    {},
  );
  if (state.successMessage) return <FormSuccess>{state.successMessage}</FormSuccess>;
  if (!props.isAwaiting) return null;
  return (
    <section
      aria-labelledby="approval-heading"
      data-testid="tool-approval"
      className="space-y-3 rounded-lg border border-amber-200 bg-amber-50 p-5 text-sm text-amber-950"
    >
      <h2 id="approval-heading" className="text-base font-semibold">
        Changed — awaiting approval
      </h2>
      {props.children}
      {props.canApprove ? (
        <ActionForm action={formAction} className="space-y-3">
          <input type="hidden" name="serverId" value={props.serverId} />
          <input type="hidden" name="toolId" value={props.toolId} />
          <FormError message={state.formError} />
          <SubmitButton pending={isPending} pendingText="Approving…">
            Approve new definition
          </SubmitButton>
        </ActionForm>
      ) : (
        <p>An owner, admin or policy manager of your organisation can approve it.</p>
      )}
    </section>
  );
}
