import type { ReactNode } from "react";
import { dangerButtonClass, primaryButtonClass, secondaryButtonClass } from "./styles";
import { SubmitButton } from "./submit-button";

/** "danger" for what cannot be undone; "caution" for a change that can be, but needs a second look. */
export type ConfirmTone = "danger" | "caution";

const TONES: Record<ConfirmTone, { question: string; button: string }> = {
  danger: { question: "text-red-900", button: dangerButtonClass },
  caution: { question: "text-amber-900", button: primaryButtonClass },
};

/** Compact buttons and text, for a confirmation inside a table row. */
export const smallButton = "px-3 py-1.5 text-xs";

/**
 * The second step of an action that asks in the page (not a browser dialog): the question,
 * anything the caller adds under it (such as the server's error), then Confirm and Cancel.
 * It goes inside the caller's form, whose submit the Confirm button is.
 */
export function ConfirmStep(props: {
  question: ReactNode;
  confirmLabel: string;
  pendingText: string;
  isPending: boolean;
  onCancel: () => void;
  tone?: ConfirmTone;
  isSmall?: boolean;
  children?: ReactNode;
}) {
  const tone = TONES[props.tone ?? "danger"];
  const size = props.isSmall ? smallButton : "";
  return (
    <>
      <p className={`${props.isSmall ? "max-w-xs text-xs" : "max-w-prose text-sm"} ${tone.question}`}>
        {props.question}
      </p>
      {props.children}
      <div className="flex gap-2">
        <SubmitButton
          pending={props.isPending}
          pendingText={props.pendingText}
          className={`${tone.button} ${size}`}
        >
          {props.confirmLabel}
        </SubmitButton>
        <button
          type="button"
          className={`${secondaryButtonClass} ${size}`}
          disabled={props.isPending}
          onClick={props.onCancel}
        >
          Cancel
        </button>
      </div>
    </>
  );
}
