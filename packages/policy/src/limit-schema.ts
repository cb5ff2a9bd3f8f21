import { z } from "zod";
import { findArgumentPathProblem } from "./call-path";
import { MAX_WINDOW_SECONDS, WINDOW_NAMES } from "./limit-window";
import { fieldError, namedStrictObject, quoteList } from "./schema-messages";

/** What a limit's counter is shared across. */
export const LIMIT_SCOPES = ["grant", "session", "server", "org"] as const;

const MAX_COUNTER_CHARS = 64;
// Emptiness is reported by min(1), so the pattern accepts "" to avoid a second error for it.
const COUNTER_PATTERN = /^[A-Za-z0-9_.:-]*$/;
const WINDOW_EXPECTATION = `${WINDOW_NAMES.map((name) => JSON.stringify(name)).join(", ")} or a number of seconds`;
const describeWindowError = fieldError("window", WINDOW_EXPECTATION);
const WINDOW_RANGE_MESSAGE = `window in seconds must be a whole number from 1 to ${MAX_WINDOW_SECONDS} (31 days)`;

/** A window: a named unit or a whole number of seconds up to 31 days. */
export const LimitWindowSchema = z
  .union(
    [z.enum(WINDOW_NAMES), z.number({ error: WINDOW_RANGE_MESSAGE }).int().min(1).max(MAX_WINDOW_SECONDS)],
    {
      // zod sometimes reports the number branch's issue and sometimes the union's, so both
      // give a number the range message.
      error: (issue) => (typeof issue.input === "number" ? WINDOW_RANGE_MESSAGE : describeWindowError(issue)),
    },
  )
  .describe("Fixed window aligned to UTC: a named unit or a whole number of seconds (1 to 31 days).");

const MaxSchema = z
  .number({ error: fieldError("max", "a positive integer") })
  .int()
  .positive()
  .describe("The most calls (or summed increments) allowed per window.");

/** One rate limit: at most `max` per `window`, counted on a `counter` shared within its scope. */
export const LimitSchema = namedStrictObject("limit", 'an object with "counter", "window" and "max"', {
  counter: z
    .string({ error: fieldError("counter", "a string") })
    .min(1, { error: "counter must not be empty" })
    .max(MAX_COUNTER_CHARS, { error: `counter must be at most ${MAX_COUNTER_CHARS} characters` })
    .regex(COUNTER_PATTERN, { error: 'counter may only contain letters, digits, "_", ".", ":" and "-"' })
    .describe("Budget name; the same counter in the same scope is one budget shared across entries."),
  window: LimitWindowSchema,
  max: MaxSchema,
  scope: z
    .enum(LIMIT_SCOPES, { error: fieldError("scope", quoteList(LIMIT_SCOPES, "or")) })
    .default("grant")
    .describe("What the counter is shared across (default grant)."),
  increment_from: z
    .string({ error: fieldError("increment_from", 'a string such as "args.amount"') })
    .superRefine((path, ctx) => {
      const problem = findArgumentPathProblem("increment_from", path);
      if (problem !== undefined) ctx.addIssue({ code: "custom", message: problem });
    })
    .optional()
    .describe(
      "Count this numeric argument instead of 1; a call where it is missing, not a finite number " +
        "or negative is denied.",
    ),
}).meta({
  id: "PolicyLimit",
  description: "At most max calls (or increments) per window on a shared counter.",
});

/** Shorthand for one limit on an entry alone: at most `max` calls per `window`, scope grant. */
export const RateLimitSchema = namedStrictObject(
  "rate_limit",
  'an object such as {"max": 10, "window": 60}',
  {
    max: MaxSchema,
    window: LimitWindowSchema,
  },
).describe("Shorthand: at most max calls per window for this entry alone (scope grant).");

export type Limit = z.output<typeof LimitSchema>;
export type LimitScope = (typeof LIMIT_SCOPES)[number];
export type RateLimit = z.output<typeof RateLimitSchema>;
