import { z } from "zod";

/**
 * The expiry field of a grant form: a datetime-local value, read as UTC (as the field's label
 * says), or null when left empty. The domain operation checks it is a future date.
 */
export const ExpiryFormValueSchema = z
  .string()
  .default("")
  .transform((value) => (value.trim() ? `${value.trim()}Z` : null));
