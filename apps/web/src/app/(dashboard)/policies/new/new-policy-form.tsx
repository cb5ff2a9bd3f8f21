"use client";

import { useActionState, useState } from "react";
import { PolicyEditor } from "@/components/policies/editor/policy-editor";
import type { CatalogueTool } from "@/components/policies/editor/tool-rules";
import { ActionForm } from "@/components/ui/action-form";
import { SelectField, TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/server/form-state";
import { createPolicyAction } from "./actions";

export type ServerCatalogue = { id: string; name: string; tools: CatalogueTool[] };

/** Name, server and document of a new policy; the editor offers the chosen server's tools. */
export function NewPolicyForm(props: {
  servers: ServerCatalogue[];
  defaultServerId: string;
  defaultDocument: string;
}) {
  const [state, formAction, isPending] = useActionState<FormState, FormData>(createPolicyAction, {});
  const [serverId, setServerId] = useState(props.defaultServerId);
  const [document, setDocument] = useState(props.defaultDocument);
  const errors = state.fieldErrors ?? {};
  const catalogue = props.servers.find((server) => server.id === serverId)?.tools ?? [];
  return (
    <ActionForm
      action={formAction}
      className="space-y-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
    >
      <FormError message={state.formError} />
      <div className="grid gap-6 sm:grid-cols-2">
        <TextField
          id="name"
          label="Policy name"
          placeholder="e.g. read-only support"
          hint="Unique per server; grants and the audit log show it."
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
      </div>
      <PolicyEditor
        name="document"
        value={document}
        onChange={setDocument}
        catalogue={catalogue}
        errors={errors.document}
      />
      <TextField
        id="comment"
        label="Change note (optional)"
        placeholder="Why this policy exists"
        errors={errors.comment}
      />
      <SubmitButton pending={isPending} pendingText="Creating policy…">
        Create policy
      </SubmitButton>
    </ActionForm>
  );
}
