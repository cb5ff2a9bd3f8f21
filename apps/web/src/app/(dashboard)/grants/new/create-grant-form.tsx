"use client";

import { useActionState, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { type CreateGrantState, createGrantAction } from "./actions";
import { IssuedGrantPanel } from "./issued-grant-panel";

export type ServerOption = { id: string; name: string; toolNames: string[] };

/** Agent name, server and policy for a new grant; after saving, shows the one-time URL instead. */
export function CreateGrantForm(props: {
  servers: ServerOption[];
  defaultServerId: string;
  defaultPolicy: string;
}) {
  const [state, formAction, isPending] = useActionState<CreateGrantState, FormData>(createGrantAction, {});
  const [serverId, setServerId] = useState(props.defaultServerId);
  if (state.issued) return <IssuedGrantPanel issued={state.issued} />;

  const errors = state.fieldErrors ?? {};
  const toolNames = props.servers.find((server) => server.id === serverId)?.toolNames ?? [];
  return (
    <ActionForm
      action={formAction}
      className="max-w-3xl space-y-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
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
        {props.servers.map((server) => (
          <option key={server.id} value={server.id}>
            {server.name}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        id="policy"
        label="Policy"
        rows={12}
        defaultValue={props.defaultPolicy}
        errors={errors.policy}
        hint={<PolicyHint toolNames={toolNames} />}
      />
      <SubmitButton pending={isPending} pendingText="Creating grant…">
        Create grant
      </SubmitButton>
    </ActionForm>
  );
}

/** Reminds how a policy reads and which tool names the chosen server offers. */
export function PolicyHint({ toolNames }: { toolNames: string[] }) {
  return (
    <>
      Tools not listed under "tools" get the "default" action. Allow a tool with{" "}
      <code className="font-mono">{'"tools": {"echo": {"action": "allow"}}'}</code>.
      {toolNames.length ? (
        <>
          {" "}
          This server offers: <span className="font-mono">{toolNames.join(", ")}</span>.
        </>
      ) : null}
    </>
  );
}
