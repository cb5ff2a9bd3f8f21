"use client";

import { useActionState } from "react";
import { roleLabel } from "@/components/layout/role-label";
import { ActionForm } from "@/components/ui/action-form";
import { CopyableSecret } from "@/components/ui/copyable-secret";
import { SelectField, TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-message";
import { cardClass } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import {
  type CreateInvitationState,
  createInvitationAction,
  type IssuedInvitation,
} from "./invitation-actions";
import { RoleOptions } from "./role-options";

/** Creates a single-use invitation link for a role; the link is shown above the form, once. */
export function InviteMemberForm() {
  const [state, formAction, isPending] = useActionState<CreateInvitationState, FormData>(
    createInvitationAction,
    {},
  );
  return (
    <div className="space-y-4">
      {state.issued ? <IssuedInvitationPanel issued={state.issued} /> : null}
      <ActionForm action={formAction} className={`${cardClass} flex flex-wrap items-end gap-4 p-6`}>
        <div className="grid min-w-64 flex-1 gap-4 sm:grid-cols-[2fr_1fr]">
          <div className="sm:col-span-2">
            <FormError message={state.formError} />
          </div>
          <SelectField id="role" label="Role" defaultValue="viewer" errors={state.fieldErrors?.role}>
            <RoleOptions withHints />
          </SelectField>
          <TextField
            id="expiresInDays"
            label="Link expires after (days)"
            type="number"
            min={1}
            max={30}
            defaultValue={7}
            errors={state.fieldErrors?.expiresInDays}
          />
        </div>
        <SubmitButton pending={isPending} pendingText="Creating link…">
          Create invitation link
        </SubmitButton>
      </ActionForm>
    </div>
  );
}

function IssuedInvitationPanel({ issued }: { issued: IssuedInvitation }) {
  return (
    <section aria-labelledby="issued-invitation-heading" className={`${cardClass} space-y-3 p-6`}>
      <h2 id="issued-invitation-heading" className="text-base font-semibold text-slate-900">
        Invitation link for a {roleLabel(issued.role).toLowerCase()}
      </h2>
      <div
        role="alert"
        className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
      >
        Copy this link now and send it to one person. It works once, until{" "}
        {new Date(issued.expiresAt).toLocaleString()}, and is not shown again; if it is lost, revoke it below
        and create another.
      </div>
      <CopyableSecret value={issued.url} testId="invitation-url" copyLabel="Copy link" />
    </section>
  );
}
