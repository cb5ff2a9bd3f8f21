import { z } from "zod";

/**
 * When a grant stops working: a moment in the future, checked against the clock when the
 * input is parsed (an expiry already past would create a grant that never works).
 */
export const GrantExpiresAtSchema = z.coerce
  .date({ error: "Enter a date and time, e.g. 2030-01-31T17:00:00Z." })
  .refine((date) => date.getTime() > Date.now(), {
    message: "Choose a time in the future, or leave it empty for a grant that does not expire.",
  });
