import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { inputClass, monoInputClass } from "./styles";

type FieldFrameProps = {
  id: string;
  label: string;
  hint?: ReactNode;
  /** Shown at the end of the label's line, e.g. a version number. */
  aside?: ReactNode;
  errors?: string[] | undefined;
  children: ReactNode;
};

/** A labelled form control with an optional hint and the errors the server reported for it. */
export function FieldFrame({ id, label, hint, aside, errors, children }: FieldFrameProps) {
  return (
    <div className="space-y-1.5">
      <div className="flex items-baseline justify-between gap-4">
        <label htmlFor={id} className="block text-sm font-medium text-slate-800">
          {label}
        </label>
        {aside}
      </div>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <FieldErrorList id={`${id}-error`} errors={errors} />
    </div>
  );
}

/** The server's messages for one field; each is a list item so several problems read clearly. */
export function FieldErrorList({ id, errors }: { id: string; errors?: string[] | undefined }) {
  if (!errors?.length) return null;
  return (
    <ul id={id} className="space-y-0.5 text-sm text-red-700" data-testid={id}>
      {errors.map((message) => (
        <li key={message}>{message}</li>
      ))}
    </ul>
  );
}

function describedBy(id: string, hint: ReactNode, errors?: string[]): string | undefined {
  const ids = [hint ? `${id}-hint` : "", errors?.length ? `${id}-error` : ""].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

type CommonProps = {
  id: string;
  label: string;
  hint?: ReactNode;
  aside?: ReactNode;
  errors?: string[] | undefined;
};

export function TextField({
  id,
  label,
  hint,
  errors,
  ...input
}: CommonProps & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={errors}>
      <input
        id={id}
        name={id}
        className={inputClass}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        {...input}
      />
    </FieldFrame>
  );
}

export function TextAreaField({
  id,
  label,
  hint,
  aside,
  errors,
  ...textarea
}: CommonProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FieldFrame id={id} label={label} hint={hint} aside={aside} errors={errors}>
      <textarea
        id={id}
        name={id}
        className={monoInputClass}
        spellCheck={false}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        {...textarea}
      />
    </FieldFrame>
  );
}

export function SelectField({
  id,
  label,
  hint,
  errors,
  children,
  ...select
}: CommonProps & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={errors}>
      <select
        id={id}
        name={id}
        className={inputClass}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        {...select}
      >
        {children}
      </select>
    </FieldFrame>
  );
}
