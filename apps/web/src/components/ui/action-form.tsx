"use client";

import { type ComponentProps, startTransition } from "react";

type ActionFormProps = Omit<ComponentProps<"form">, "action" | "onSubmit"> & {
  action: (formData: FormData) => void;
};

/**
 * A form that runs a `useActionState` action without React's automatic reset, so
 * after a validation error the person's input (including secrets, which the server
 * never sends back) is still there to fix.
 */
export function ActionForm({ action, children, ...props }: ActionFormProps) {
  return (
    <form
      noValidate
      {...props}
      onSubmit={(event) => {
        event.preventDefault();
        // With the submitter, a clicked button's name and value are sent too (e.g. approve or deny).
        const formData = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
        startTransition(() => action(formData));
      }}
    >
      {children}
    </form>
  );
}
