"use client";

import { useActionState, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { FieldErrorList, TextAreaField, TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/server/form-state";
import { registerServerAction } from "./actions";

type Transport = "streamable_http" | "sse" | "stdio";

const TRANSPORT_CHOICES: { value: Transport; label: string; hint: string }[] = [
  {
    value: "streamable_http",
    label: "Streamable HTTP",
    hint: "The current MCP transport: one URL, usually ending in /mcp.",
  },
  {
    value: "sse",
    label: "Legacy SSE",
    hint: "The older HTTP + Server-Sent Events transport, usually ending in /sse.",
  },
  {
    value: "stdio",
    label: "stdio",
    hint: "A local program: Gatehouse starts it on its own host and talks over stdin/stdout.",
  },
];

/** What a server template pre-fills; `requiredEnv` are named next to the env field. */
export type TemplateDefaults = {
  id: string;
  name: string;
  title: string;
  transport: Transport;
  command: string;
  args: string;
  env: string;
  requiredEnv: string[];
};

/** Name, transport and connection details of a new server; secrets typed here are never shown again. */
export function RegisterServerForm({
  allowStdio,
  template,
}: {
  allowStdio: boolean;
  template?: TemplateDefaults | undefined;
}) {
  const [state, formAction, isPending] = useActionState<FormState, FormData>(registerServerAction, {});
  const [transport, setTransport] = useState<Transport>(template?.transport ?? "streamable_http");
  const errors = state.fieldErrors ?? {};
  const choices = TRANSPORT_CHOICES.filter((choice) => allowStdio || choice.value !== "stdio");
  const isStdio = transport === "stdio";

  return (
    <ActionForm
      action={formAction}
      className="max-w-2xl space-y-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
    >
      {template ? (
        <>
          <input type="hidden" name="template" value={template.id} />
          <p
            className="rounded-md border border-indigo-200 bg-indigo-50 px-3 py-2 text-sm text-indigo-900"
            data-testid="template-prefill"
          >
            Pre-filled from the {template.title} template. Check the command, and fill in{" "}
            {template.requiredEnv.join(", ")} below.
          </p>
        </>
      ) : null}
      <FormError message={state.formError} />
      <TextField
        id="name"
        label="Name"
        defaultValue={template?.name}
        placeholder="e.g. github"
        hint="How you and your agents' grants will refer to this server."
        errors={errors.name}
      />

      <fieldset
        className="space-y-2"
        aria-describedby={errors.transport?.length ? "transport-error" : undefined}
      >
        <legend className="text-sm font-medium text-slate-800">Transport</legend>
        {choices.map((choice) => (
          <div key={choice.value} className="flex items-start gap-3">
            <input
              id={`transport-${choice.value}`}
              type="radio"
              name="transport"
              value={choice.value}
              checked={transport === choice.value}
              onChange={() => setTransport(choice.value)}
              aria-describedby={`transport-${choice.value}-hint`}
              className="mt-0.5 h-4 w-4 accent-indigo-600"
            />
            <div className="text-sm">
              <label htmlFor={`transport-${choice.value}`} className="font-medium text-slate-800">
                {choice.label}
              </label>
              <p id={`transport-${choice.value}-hint`} className="text-xs text-slate-500">
                {choice.hint}
              </p>
            </div>
          </div>
        ))}
        {allowStdio ? null : (
          <p className="text-xs text-slate-500" data-testid="stdio-disabled">
            stdio servers are disabled by the operator of this Gatehouse, because their command would run on
            the gateway's host. An operator can enable them with GATEHOUSE_ALLOW_STDIO=true.
          </p>
        )}
        <FieldErrorList id="transport-error" errors={errors.transport} />
      </fieldset>

      <div hidden={isStdio} className="space-y-6">
        <TextField
          id="url"
          label="URL"
          type="url"
          placeholder="https://mcp.example.com/mcp"
          disabled={isStdio}
          errors={errors.url}
        />
        <TextAreaField
          id="headers"
          label="Headers"
          rows={3}
          placeholder="Authorization: Bearer …"
          disabled={isStdio}
          hint='One "Name: value" per line, sent to the server on every request. Stored encrypted and never shown again.'
          errors={errors.headers}
        />
      </div>

      <div hidden={!isStdio} className="space-y-6">
        <TextField
          id="command"
          label="Command"
          placeholder="e.g. npx"
          defaultValue={template?.command}
          disabled={!isStdio}
          errors={errors.command}
        />
        <TextAreaField
          id="args"
          label="Arguments"
          rows={3}
          placeholder={"-y\n@modelcontextprotocol/server-everything"}
          defaultValue={template?.args}
          disabled={!isStdio}
          hint="One argument per line."
          errors={errors.args}
        />
        <TextAreaField
          id="env"
          label="Environment variables"
          rows={3}
          placeholder="API_KEY=value"
          defaultValue={template?.env}
          disabled={!isStdio}
          hint={
            <>
              One "KEY=value" per line. Stored encrypted and never shown again.
              {template?.requiredEnv.length ? (
                <strong className="mt-1 block font-medium text-slate-700" data-testid="template-required-env">
                  Required by this server: {template.requiredEnv.join(", ")} — fill in its value after the
                  "=".
                </strong>
              ) : null}
            </>
          }
          errors={errors.env}
        />
      </div>

      <SubmitButton pending={isPending} pendingText="Registering…">
        Register server
      </SubmitButton>
    </ActionForm>
  );
}
