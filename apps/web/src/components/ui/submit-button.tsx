import type { ReactNode } from "react";
import { primaryButtonClass } from "./styles";

/** A form's submit button; while the action runs it is disabled and says what is happening. */
export function SubmitButton(props: {
  pending: boolean;
  pendingText: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <button
      type="submit"
      disabled={props.pending}
      aria-busy={props.pending || undefined}
      className={props.className ?? primaryButtonClass}
    >
      {props.pending ? props.pendingText : props.children}
    </button>
  );
}
