import "server-only";
import { type FieldError, isGatehouseError } from "@gatehouse/core/errors/gatehouse-error";
import type { Logger } from "@gatehouse/core/logging/create-logger";

/** Messages per form field, shown next to the field that caused them. */
export type FieldErrors = Partial<Record<string, string[]>>;

/** What every server action returns to its form: errors to show, or nothing when all went well. */
export type FormState = { fieldErrors?: FieldErrors; formError?: string };

const GENERIC_ERROR =
  "Something went wrong on our side. Try again; if it keeps happening, ask an operator to check the logs.";

/**
 * Turns anything a domain call threw into form state. A GatehouseError's public
 * messages are shown next to their fields (or above the form when the field is not
 * on it); anything else is logged and shown as a generic message, never its details.
 */
export function toFormState(
  error: unknown,
  options: { fields: readonly string[]; logger: Logger; action: string },
): FormState {
  if (!isGatehouseError(error)) {
    options.logger.error({ err: error, action: options.action }, "server action failed");
    return { formError: GENERIC_ERROR };
  }
  const fieldErrors: FieldErrors = {};
  const formErrors: string[] = [];
  for (const item of error.fieldErrors.map(flattenPath)) {
    if (options.fields.includes(item.field))
      fieldErrors[item.field] = [...(fieldErrors[item.field] ?? []), item.message];
    else formErrors.push(item.message);
  }
  const hasFieldErrors = Object.keys(fieldErrors).length > 0;
  const formError = formErrors.length
    ? formErrors.join(" ")
    : hasFieldErrors
      ? undefined
      : error.publicMessage;
  return { fieldErrors, ...(formError ? { formError } : {}) };
}

// A nested path such as "headers.X Api Key" belongs to the "headers" field; the rest
// says which entry is wrong, so it leads the message.
function flattenPath(error: FieldError): FieldError {
  const [field = "form", ...rest] = error.field.split(".");
  return rest.length
    ? { field, message: `${rest.join(".")}: ${error.message}` }
    : { field, message: error.message };
}
