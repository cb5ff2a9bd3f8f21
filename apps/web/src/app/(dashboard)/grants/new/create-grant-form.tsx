"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { ExpiryField } from "@/components/grants/expiry-field";
import { IssuedGrantPanel } from "@/components/grants/issued-grant-panel";
import { PolicyEditor } from "@/components/policies/editor/policy-editor";
import type { CatalogueTool } from "@/components/policies/editor/tool-rules";
import { ActionForm } from "@/components/ui/action-form";
import { SelectField, TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-message";
import { linkClass, primaryButtonClass } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import { type CreateGrantState, createGrantAction } from "./actions";

export type ServerOption = {
  id: string;
  name: string;
  tools: CatalogueTool[];
  policies: { id: string; name: string; currentVersion: number }[];
};

type PolicySource = "new" | "existing";

/** Agent name, server and policy (existing or new) for a grant; after saving, shows the one-time URL instead. */
export function CreateGrantForm(props: {
  servers: ServerOption[];
  defaultServerId: string;
  defaultPolicy: string;
}) {
  const [state, formAction, isPending] = useActionState<CreateGrantState, FormData>(createGrantAction, {});
  const [serverId, setServerId] = useState(props.defaultServerId);
  const [source, setSource] = useState<PolicySource>("new");
  const [policy, setPolicy] = useState(props.defaultPolicy);
  if (state.issued) {
    return (
      <IssuedGrantPanel
        issued={state.issued}
        heading={`Grant created for ${state.issued.name}`}
        ifLost="if it is lost, rotate the grant's token."
      >
        <Link href={`/grants/${state.issued.grantId}`} className={primaryButtonClass}>
          Done: view the grant
        </Link>
        <Link href="/grants" className={linkClass}>
          Back to grants
        </Link>
      </IssuedGrantPanel>
    );
  }

  const errors = state.fieldErrors ?? {};
  const server = props.servers.find((option) => option.id === serverId);
  const policies = server?.policies ?? [];
  return (
    <ActionForm
      action={formAction}
      className="max-w-4xl space-y-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
    >
      <FormError message={state.formError} />
      <TextField
        id="name"
        label="Agent name"
        placeholder="e.g. support-bot"
        hint="Which agent will use this grant; it appears in the audit log."
        errors={errors.name}
      />
      <SelectField
        id="serverId"
        label="Server"
        value={serverId}
        onChange={(event) => setServerId(event.target.value)}
        errors={errors.serverId}
      >
        <option value="">Choose a server…</option>
        {props.servers.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
          </option>
        ))}
      </SelectField>
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-800">
          Which policy decides what the agent may call
        </legend>
        <div className="flex flex-wrap gap-6 text-sm">
          {(
            [
              ["new", "Write a new policy"],
              ["existing", "Use an existing policy"],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="inline-flex items-center gap-2">
              <input
                type="radio"
                name="policySource"
                value={value}
                checked={source === value}
                onChange={() => setSource(value)}
                className="h-4 w-4 border-slate-300 text-indigo-600 focus:ring-indigo-500"
              />
              {label}
            </label>
          ))}
        </div>
        {source === "existing" ? (
          <SelectField
            id="policyId"
            label="Existing policy"
            errors={errors.policyId}
            hint={
              server && policies.length === 0
                ? "This server has no policies yet: write a new one."
                : undefined
            }
          >
            <option value="">{server ? "Choose a policy…" : "Choose a server first"}</option>
            {policies.map((option) => (
              <option key={option.id} value={option.id}>
                {option.name} (v{option.currentVersion})
              </option>
            ))}
          </SelectField>
        ) : (
          <PolicyEditor
            name="policy"
            value={policy}
            onChange={setPolicy}
            catalogue={server?.tools ?? []}
            errors={errors.policy}
          />
        )}
      </fieldset>
      <ExpiryField errors={errors.expiresAt} />
      <SubmitButton pending={isPending} pendingText="Creating grant…">
        Create grant
      </SubmitButton>
    </ActionForm>
  );
}
