"use client";

import type { Role } from "@gatehouse/db/models";
import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { FieldErrorList } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-message";
import { inputClass, secondaryButtonClass } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/server/form-state";
import { changeMemberRoleAction } from "./member-actions";
import { RoleOptions } from "./role-options";

/** A member's role as a select with its own Save button, so a slip of the mouse changes nothing. */
export function MemberRoleForm({ userId, name, role }: { userId: string; name: string; role: Role }) {
  const [state, formAction, isPending] = useActionState<FormState, FormData>(changeMemberRoleAction, {});
  const selectId = `role-${userId}`;
  return (
    <ActionForm action={formAction} className="space-y-1">
      <input type="hidden" name="userId" value={userId} />
      <div className="flex items-center gap-2">
        <label htmlFor={selectId} className="sr-only">
          Role of {name}
        </label>
        <select id={selectId} name="role" defaultValue={role} className={`${inputClass} w-44 py-1.5`}>
          <RoleOptions />
        </select>
        <SubmitButton
          pending={isPending}
          pendingText="Saving…"
          className={`${secondaryButtonClass} px-3 py-1.5 text-xs`}
        >
          Save
        </SubmitButton>
      </div>
      <FieldErrorList id={`${selectId}-error`} errors={state.fieldErrors?.role} />
      <FormError message={state.formError} />
    </ActionForm>
  );
}
