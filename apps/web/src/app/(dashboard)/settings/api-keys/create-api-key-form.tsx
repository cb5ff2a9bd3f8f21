"use client";

import Link from "next/link";
import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { CopyableSecret } from "@/components/ui/copyable-secret";
import { TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-message";
import { cardClass, linkClass } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import { type CreateApiKeyState, createApiKeyAction, type IssuedApiKey } from "./actions";

/** Names and creates a key; the new key is shown above the form, once. */
export function CreateApiKeyForm() {
  const [state, formAction, isPending] = useActionState<CreateApiKeyState, FormData>(createApiKeyAction, {});
  return (
    <div className="space-y-4">
      {state.issued ? <IssuedApiKeyPanel issued={state.issued} /> : null}
      <ActionForm
        // A new key gets a fresh, empty form, so the next one is not created by accident with the same name.
        key={state.issued?.apiKeyId ?? "new"}
        action={formAction}
        className={`${cardClass} flex flex-wrap items-end gap-4 p-6`}
      >
        <div className="min-w-64 flex-1 space-y-3">
          <FormError message={state.formError} />
          <TextField
            id="name"
            label="Key name"
            placeholder="e.g. CI deploy"
            hint="What will use the key, so you know which to revoke later."
            errors={state.fieldErrors?.name}
          />
        </div>
        <SubmitButton pending={isPending} pendingText="Creating…">
          Create API key
        </SubmitButton>
      </ActionForm>
    </div>
  );
}

function IssuedApiKeyPanel({ issued }: { issued: IssuedApiKey }) {
  return (
    <section aria-labelledby="issued-key-heading" className={`${cardClass} space-y-3 p-6`}>
      <h2 id="issued-key-heading" className="text-base font-semibold text-slate-900">
        API key created: {issued.name}
      </h2>
      <div
        role="alert"
        className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
      >
        Copy this key now. Gatehouse stores only its hash, so it will not be shown again; if it is lost,
        revoke it and create another.
      </div>
      <CopyableSecret value={issued.key} testId="api-key" />
      <p className="text-sm text-slate-600">
        Send it as <code className="font-mono text-xs">Authorization: Bearer {"<key>"}</code> to the{" "}
        <Link href="/docs/api" className={linkClass}>
          REST API
        </Link>
        .
      </p>
    </section>
  );
}
