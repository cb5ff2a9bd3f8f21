"use client";

import { type ReactNode, useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { ConfirmActionForm } from "@/components/ui/confirm-action-form";
import { FormError, FormSuccess } from "@/components/ui/form-message";
import { cardClass, secondaryButtonClass } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import {
  deleteWebhookAction,
  rotateWebhookSecretAction,
  sendTestWebhookAction,
  setWebhookEnabledAction,
  type WebhookActionState,
} from "./actions";
import { IssuedSecretPanel } from "./issued-secret-panel";

type ControlledWebhook = { isEnabled: boolean; secretPrefix: string };

/**
 * Send test, enable/disable, rotate secret and delete, each with its own result.
 * It stays mounted when the webhook is deleted, so the deletion's result can still be read.
 */
export function WebhookControls({ webhook }: { webhook: ControlledWebhook | null }) {
  const [deleteState, deleteAction, isDeleting] = useActionState<WebhookActionState, FormData>(
    deleteWebhookAction,
    {},
  );
  if (!webhook) return <FormSuccess>{deleteState.successMessage}</FormSuccess>;
  return (
    <section aria-label="Webhook actions" className={`${cardClass} divide-y divide-slate-100`}>
      {/* Keyed by state, so "enable it first" does not linger once it is enabled. */}
      <SendTestRow key={String(webhook.isEnabled)} />
      <ToggleRow isEnabled={webhook.isEnabled} />
      <RotateRow currentPrefix={webhook.secretPrefix} />
      <ActionRow
        title="Delete webhook"
        description="Removes the URL, the secret and the delivery log."
        state={deleteState}
        isPending={isDeleting}
      >
        <ConfirmActionForm
          label="Delete"
          question="Delete the webhook and its delivery log? Approval requests will not be sent anywhere."
          confirmLabel="Confirm delete"
          pendingText="Deleting…"
          action={deleteAction}
          isPending={isDeleting}
        />
      </ActionRow>
    </section>
  );
}

function SendTestRow() {
  const [state, action, isPending] = useActionState<WebhookActionState, FormData>(sendTestWebhookAction, {});
  return (
    <ActionRow
      title="Send test"
      description="Sends a signed webhook.test message now, to check your receiver end to end."
      state={state}
      isPending={isPending}
    >
      <ActionForm action={action}>
        <SubmitButton pending={isPending} pendingText="Queueing…" className={secondaryButtonClass}>
          Send test
        </SubmitButton>
      </ActionForm>
    </ActionRow>
  );
}

function ToggleRow({ isEnabled }: { isEnabled: boolean }) {
  const [state, action, isPending] = useActionState<WebhookActionState, FormData>(
    setWebhookEnabledAction,
    {},
  );
  return (
    <ActionRow
      title={isEnabled ? "Enabled" : "Disabled"}
      description={
        isEnabled
          ? "Each new approval request is sent. Disable to pause, keeping the URL and secret."
          : "Nothing is sent. Enable to send new approval requests again."
      }
      state={state}
      isPending={isPending}
    >
      <ActionForm action={action}>
        <input type="hidden" name="isEnabled" value={String(!isEnabled)} />
        <SubmitButton
          pending={isPending}
          pendingText={isEnabled ? "Disabling…" : "Enabling…"}
          className={secondaryButtonClass}
        >
          {isEnabled ? "Disable" : "Enable"}
        </SubmitButton>
      </ActionForm>
    </ActionRow>
  );
}

function RotateRow({ currentPrefix }: { currentPrefix: string }) {
  const [state, action, isPending] = useActionState<WebhookActionState, FormData>(
    rotateWebhookSecretAction,
    {},
  );
  return (
    <ActionRow
      title="Rotate secret"
      description={`Issues a new signing secret (now ${currentPrefix}…); the old one stops verifying at once.`}
      state={state}
      isPending={isPending}
      below={<IssuedSecretPanel secret={state.issuedSecret} currentPrefix={currentPrefix} />}
    >
      <ConfirmActionForm
        // A new secret closes the confirmation, so the next rotation asks again.
        key={state.issuedSecret ?? "rotate"}
        label="Rotate secret"
        question="Rotate the secret? Receivers must switch to the new one: messages signed with it fail the old secret's check."
        confirmLabel="Confirm rotate"
        pendingText="Rotating…"
        action={action}
        isPending={isPending}
      />
    </ActionRow>
  );
}

/** One action: what it does on the left, its control on the right, and its result underneath. */
function ActionRow(props: {
  title: string;
  description: string;
  state: WebhookActionState;
  isPending: boolean;
  below?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="space-y-3 p-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 flex-1">
          <h3 className="text-sm font-semibold text-slate-900">{props.title}</h3>
          <p className="text-sm text-slate-600">{props.description}</p>
        </div>
        {props.children}
      </div>
      {props.isPending ? null : (
        <>
          <FormError message={props.state.formError} />
          <FormSuccess>{props.state.successMessage}</FormSuccess>
          {props.below}
        </>
      )}
    </div>
  );
}
