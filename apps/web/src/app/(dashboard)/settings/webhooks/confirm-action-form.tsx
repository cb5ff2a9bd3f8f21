"use client";

import { type ReactNode, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { dangerButtonClass, secondaryButtonClass } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";

/** A button for an action that cannot be undone: it asks in the page (not a browser dialog), then submits. */
export function ConfirmActionForm(props: {
  label: string;
  question: ReactNode;
  confirmLabel: string;
  pendingText: string;
  action: (formData: FormData) => void;
  isPending: boolean;
}) {
  const [isConfirming, setIsConfirming] = useState(false);
  if (!isConfirming) {
    return (
      <button type="button" className={secondaryButtonClass} onClick={() => setIsConfirming(true)}>
        {props.label}
      </button>
    );
  }
  return (
    <ActionForm action={props.action} className="space-y-2">
      <p className="max-w-sm text-sm text-red-900">{props.question}</p>
      <div className="flex gap-2">
        <SubmitButton pending={props.isPending} pendingText={props.pendingText} className={dangerButtonClass}>
          {props.confirmLabel}
        </SubmitButton>
        <button
          type="button"
          className={secondaryButtonClass}
          disabled={props.isPending}
          onClick={() => setIsConfirming(false)}
        >
          Cancel
        </button>
      </div>
    </ActionForm>
  );
}
