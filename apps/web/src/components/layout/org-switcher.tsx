"use client";

import type { Role } from "@gatehouse/db/models";
import Link from "next/link";
import { useActionState } from "react";
import { switchOrganizationAction } from "@/app/(dashboard)/orgs/actions";
import { ActionForm } from "@/components/ui/action-form";
import type { FormState } from "@/server/form-state";
import { roleLabel } from "./role-label";

type OrganizationChoice = { orgId: string; orgName: string; role: Role };

const itemClass = "block w-full rounded px-3 py-2 text-left text-sm hover:bg-slate-100 disabled:opacity-60";

/**
 * The active organisation and the user's role in it; opens a list of their organisations to
 * switch to (each a submit button of one form, so the server checks the membership) and a
 * link to create another.
 */
export function OrgSwitcher(props: { active: OrganizationChoice; organizations: OrganizationChoice[] }) {
  const [state, formAction, isPending] = useActionState<FormState, FormData>(switchOrganizationAction, {});
  const { active } = props;
  return (
    // Keyed by the organisation, so the menu is closed again once the switch has happened.
    <details key={active.orgId} className="group relative">
      <summary
        aria-label={`Organisation: ${active.orgName}, ${roleLabel(active.role)}. Switch organisation`}
        className="flex cursor-pointer list-none items-center gap-2 rounded-md px-2 py-1 text-right text-xs leading-tight hover:bg-slate-800"
      >
        <span>
          <span className="block font-medium text-white" data-testid="org-name">
            {active.orgName}
          </span>
          <span className="block text-slate-400" data-testid="org-role">
            {isPending ? "Switching…" : roleLabel(active.role)}
          </span>
        </span>
        <span aria-hidden="true" className="text-slate-400 group-open:rotate-180">
          ▾
        </span>
      </summary>
      <div className="absolute right-0 z-20 mt-2 w-72 rounded-md border border-slate-200 bg-white p-1 shadow-lg">
        <ActionForm action={formAction} aria-label="Switch organisation">
          <ul>
            {props.organizations.map((organization) => {
              const isActive = organization.orgId === active.orgId;
              return (
                <li key={organization.orgId}>
                  <button
                    type="submit"
                    name="orgId"
                    value={organization.orgId}
                    disabled={isActive || isPending}
                    aria-current={isActive ? "true" : undefined}
                    className={`${itemClass} ${isActive ? "bg-slate-50 font-semibold text-slate-900" : "text-slate-700"}`}
                  >
                    <span className="block truncate">{organization.orgName}</span>
                    <span className="block text-xs font-normal text-slate-500">
                      {roleLabel(organization.role)}
                      {isActive ? " · current" : ""}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        </ActionForm>
        {state.formError ? (
          <p role="alert" className="px-3 py-2 text-xs text-red-700">
            {state.formError}
          </p>
        ) : null}
        <div className="mt-1 border-t border-slate-100 pt-1">
          <Link href="/orgs/new" className={`${itemClass} font-medium text-indigo-600`}>
            Create organisation
          </Link>
        </div>
      </div>
    </details>
  );
}
