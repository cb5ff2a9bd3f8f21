import { z } from "zod";
import { fieldError, namedStrictObject } from "./schema-messages";

const UNIT_SECONDS = { s: 1, m: 60, h: 60 * 60, d: 24 * 60 * 60 } as const;

/** The longest a held call may wait, whatever the policy says; operators may set a lower maximum. */
export const MAX_APPROVAL_TIMEOUT_SECONDS = 7 * 24 * 60 * 60;

/** The longest an approver may let identical calls through after one approval. */
export const MAX_ALLOW_IDENTICAL_SECONDS = 24 * 60 * 60;

/** Parses "90s", "10m", "2h", "1d" or a whole number of seconds; undefined when it is neither. */
export function parseDurationSeconds(value: string | number): number | undefined {
  if (typeof value === "number") return Number.isInteger(value) ? value : undefined;
  const match = /^(\d{1,7})([smhd])$/.exec(value);
  if (!match?.[1] || !match[2]) return undefined;
  return Number(match[1]) * UNIT_SECONDS[match[2] as keyof typeof UNIT_SECONDS];
}

function durationSchema(field: string, maxSeconds: number, description: string) {
  const expectation = `a duration such as "90s", "10m" or "1h" (or whole seconds), from 1 second to ${maxSeconds / 3600} hours`;
  return z
    .union([z.string(), z.number()], { error: fieldError(field, expectation) })
    .transform((value, ctx) => {
      const seconds = parseDurationSeconds(value);
      if (seconds === undefined || seconds < 1 || seconds > maxSeconds) {
        ctx.addIssue({ code: "custom", message: `${field} must be ${expectation}` });
        return z.NEVER;
      }
      return seconds;
    })
    .describe(description);
}

/** How calls this policy (or entry) holds for approval wait and may be approved. */
export const ApprovalSettingsSchema = namedStrictObject("approval", 'an object such as {"timeout": "10m"}', {
  timeout: durationSchema(
    "timeout",
    MAX_APPROVAL_TIMEOUT_SECONDS,
    'How long a held call waits for a person before it is refused, e.g. "10m" (default 10 minutes; the operator\'s maximum applies).',
  ).optional(),
  allow_identical_for: durationSchema(
    "allow_identical_for",
    MAX_ALLOW_IDENTICAL_SECONDS,
    'Lets an approver also allow identical calls (same grant, tool and arguments) for this long, e.g. "15m". Off when absent.',
  ).optional(),
}).meta({ id: "ApprovalSettings", description: "How held calls wait and may be approved." });

/** Approval settings with durations in seconds; undefined fields fall back to the operator's defaults. */
export type ApprovalSettings = z.output<typeof ApprovalSettingsSchema>;
