"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { FieldErrorList, TextField } from "@/components/ui/field";
import { FormError, FormSuccess } from "@/components/ui/form-message";
import { dangerButtonClass, inputClass, secondaryButtonClass } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import { type CredentialsState, updateCredentialsAction } from "./credential-actions";

type Noun = "header" | "variable";

// The browser must never offer a saved sign-in password for an upstream credential.
const VALUE_INPUT = { type: "password", autoComplete: "new-password", spellCheck: false } as const;
const NEW_ROW = "";

/**
 * Replace, add or remove stored headers or env values. Inputs start empty and are cleared
 * after every save: a stored value is never sent to the browser, so there is none to show.
 */
export function CredentialsEditor(props: { serverId: string; noun: Noun; names: string[] }) {
  const [state, formAction, isPending] = useActionState<CredentialsState, FormData>(
    updateCredentialsAction,
    {},
  );
  const errorsFor = (row: string, field: string) =>
    state.target === row ? state.fieldErrors?.[field] : undefined;
  const row = { ...props, formAction, isPending, errorsFor };
  return (
    <div className="space-y-4" key={state.savedCount ?? 0}>
      <FormSuccess>{state.successMessage}</FormSuccess>
      <FormError message={state.formError} />
      {props.names.length ? (
        <ul
          className="divide-y divide-slate-100 rounded-md border border-slate-200"
          data-testid="credential-list"
        >
          {props.names.map((name) => (
            <CredentialRow key={name} name={name} {...row} />
          ))}
        </ul>
      ) : null}
      <AddCredentialForm {...row} />
    </div>
  );
}

type RowProps = {
  serverId: string;
  noun: Noun;
  formAction: (formData: FormData) => void;
  isPending: boolean;
  errorsFor: (row: string, field: string) => string[] | undefined;
};

function CredentialRow({ name, serverId, formAction, isPending, errorsFor }: RowProps & { name: string }) {
  const valueId = `credential-${name}-value`;
  const errors = [...(errorsFor(name, "value") ?? []), ...(errorsFor(name, "name") ?? [])];
  return (
    <li className="p-3" data-testid="credential-row" data-name={name}>
      <ActionForm action={formAction} className="flex flex-wrap items-center gap-3">
        <input type="hidden" name="serverId" value={serverId} />
        <input type="hidden" name="target" value={name} />
        <input type="hidden" name="name" value={name} />
        <code className="min-w-40 font-mono text-sm text-slate-900">{name}</code>
        <span className="text-xs font-medium text-emerald-700">value set</span>
        <label htmlFor={valueId} className="sr-only">
          New value for {name}
        </label>
        <input
          id={valueId}
          name="value"
          placeholder="New value"
          className={`${inputClass} max-w-xs flex-1`}
          aria-invalid={errors.length ? true : undefined}
          aria-describedby={errors.length ? `${valueId}-error` : undefined}
          {...VALUE_INPUT}
        />
        <button type="submit" name="intent" value="set" disabled={isPending} className={secondaryButtonClass}>
          Replace
        </button>
        <button type="submit" name="intent" value="remove" disabled={isPending} className={dangerButtonClass}>
          Remove
        </button>
      </ActionForm>
      <FieldErrorList id={`${valueId}-error`} errors={errors} />
    </li>
  );
}

function AddCredentialForm({ serverId, noun, formAction, isPending, errorsFor }: RowProps) {
  return (
    <ActionForm action={formAction} className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-start">
      <input type="hidden" name="serverId" value={serverId} />
      <input type="hidden" name="target" value={NEW_ROW} />
      <input type="hidden" name="intent" value="set" />
      <TextField
        id="name"
        label={noun === "header" ? "Header name" : "Variable name"}
        placeholder={noun === "header" ? "e.g. Authorization" : "e.g. API_TOKEN"}
        autoComplete="off"
        spellCheck={false}
        errors={errorsFor(NEW_ROW, "name")}
      />
      <TextField id="value" label="Value" errors={errorsFor(NEW_ROW, "value")} {...VALUE_INPUT} />
      <div className="sm:pt-6">
        <SubmitButton pending={isPending} pendingText="Saving…">
          Add {noun}
        </SubmitButton>
      </div>
    </ActionForm>
  );
}
