"use client";

import { type ReactNode, useState } from "react";
import { ActionForm } from "./action-form";
import { ConfirmStep, type ConfirmTone, smallButton } from "./confirm-step";
import { secondaryButtonClass } from "./styles";

/**
 * A button for an action that needs a second look: it asks in the page (not a browser dialog),
 * then submits. `children` (hidden fields, the server's error) go with the question.
 */
export function ConfirmActionForm(props: {
  label: ReactNode;
  question: ReactNode;
  confirmLabel: string;
  pendingText: string;
  action: (formData: FormData) => void;
  isPending: boolean;
  tone?: ConfirmTone;
  isSmall?: boolean;
  /** The opening button's look, when it should stand out more than a secondary button. */
  buttonClassName?: string;
  /** The form's look while it asks, e.g. a coloured box. */
  className?: string;
  children?: ReactNode;
}) {
  const [isConfirming, setIsConfirming] = useState(false);
  if (!isConfirming) {
    const size = props.isSmall ? smallButton : "";
    return (
      <button
        type="button"
        className={props.buttonClassName ?? `${secondaryButtonClass} ${size}`}
        onClick={() => setIsConfirming(true)}
      >
        {props.label}
      </button>
    );
  }
  return (
    <ActionForm action={props.action} className={props.className ?? "space-y-2"}>
      <ConfirmStep
        question={props.question}
        confirmLabel={props.confirmLabel}
        pendingText={props.pendingText}
        isPending={props.isPending}
        onCancel={() => setIsConfirming(false)}
        tone={props.tone}
        isSmall={props.isSmall}
      >
        {props.children}
      </ConfirmStep>
    </ActionForm>
  );
}
