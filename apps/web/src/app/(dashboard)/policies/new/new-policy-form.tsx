"use client";

import { useActionState, useState } from "react";
import { RecommendedRules } from "@/components/catalogue/recommended-rules";
import { PolicyEditor } from "@/components/policies/editor/policy-editor";
import type { CatalogueTool } from "@/components/policies/editor/tool-rules";
import { ActionForm } from "@/components/ui/action-form";
import { SelectField, TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-message";
import { secondaryButtonClass } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/server/form-state";
import { createPolicyAction } from "./actions";

/** A server to choose, with its tools and the policy its catalogue recommends. */
export type ServerCatalogue = { id: string; name: string; tools: CatalogueTool[]; recommended: string };

/** Name, server and document of a new policy; the editor offers the chosen server's tools. */
export function NewPolicyForm(props: {
  servers: ServerCatalogue[];
  defaultServerId: string;
  defaultDocument: string;
}) {
  const [state, formAction, isPending] = useActionState<FormState, FormData>(createPolicyAction, {});
  const [serverId, setServerId] = useState(props.defaultServerId);
  const [document, setDocument] = useState(props.defaultDocument);
  // The JSON editor owns its text while mounted, so loading a document into it remounts it.
  const [editorKey, setEditorKey] = useState(0);
  const errors = state.fieldErrors ?? {};
  const server = props.servers.find((candidate) => candidate.id === serverId);
  const catalogue = server?.tools ?? [];
  const loadRecommended = (text: string) => {
    setDocument(text);
    setEditorKey((key) => key + 1);
  };
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
      {server && catalogue.length ? (
        <RecommendedLoader serverName={server.name} onLoad={() => loadRecommended(server.recommended)} />
      ) : null}
      <PolicyEditor
        key={editorKey}
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

/** Offers the chosen server's recommended policy as the starting document. */
function RecommendedLoader({ serverName, onLoad }: { serverName: string; onLoad: () => void }) {
  return (
    <div
      className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-4"
      data-testid="recommended-loader"
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-700">
          Start from the policy recommended for {serverName}'s catalogue instead of “deny everything”.
        </p>
        <button type="button" className={secondaryButtonClass} onClick={onLoad}>
          Load recommended policy
        </button>
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer select-none text-indigo-600">How it is built</summary>
        <div className="mt-2">
          <RecommendedRules />
        </div>
      </details>
    </div>
  );
}
