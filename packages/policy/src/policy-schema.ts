import { z } from "zod";
import { findCounterConflicts } from "./find-counter-conflicts";
import { MAX_WINDOW_SECONDS, WINDOW_NAMES } from "./limit-window";
import { fieldError, namedStrictObject, quoteList } from "./schema-messages";

export type { LimitWindow } from "./limit-window";

/** Actions a tool rule may take today; add new ones here and remove them from UPCOMING_ACTIONS. */
export const TOOL_ACTIONS = ["allow", "deny"] as const;

/** What a limit's counter is shared across. */
export const LIMIT_SCOPES = ["grant", "session", "server", "org"] as const;

// Actions people may reasonably try before they ship, with the reason they are rejected.
const UPCOMING_ACTIONS: Record<string, string> = {
  require_approval: "approvals are not available yet in this version",
};

const MAX_TOOL_NAME_CHARS = 128;
const MAX_REASON_CHARS = 500;
const MAX_COUNTER_CHARS = 64;
// Emptiness is reported by min(1), so the pattern accepts "" to avoid a second error for it.
const COUNTER_PATTERN = /^[A-Za-z0-9_.:-]*$/;
const WINDOW_EXPECTATION = `${WINDOW_NAMES.map((name) => JSON.stringify(name)).join(", ")} or a number of seconds`;
const describeWindowError = fieldError("window", WINDOW_EXPECTATION);
const WINDOW_RANGE_MESSAGE = `window in seconds must be a whole number from 1 to ${MAX_WINDOW_SECONDS} (31 days)`;

function actionError(field: string, choices: readonly string[]): z.core.$ZodErrorMap {
  const describe = fieldError(field, quoteList(choices, "or"));
  return (issue) => {
    const upcoming = typeof issue.input === "string" ? UPCOMING_ACTIONS[issue.input] : undefined;
    if (upcoming === undefined) return describe(issue);
    return `${field} ${JSON.stringify(issue.input)} is not supported: ${upcoming}; use ${quoteList(choices, "or")}`;
  };
}

/** A window: a named unit or a whole number of seconds up to 31 days. */
export const LimitWindowSchema = z.union(
  [z.enum(WINDOW_NAMES), z.number({ error: WINDOW_RANGE_MESSAGE }).int().min(1).max(MAX_WINDOW_SECONDS)],
  {
    // zod sometimes reports the number branch's issue and sometimes the union's, so both
    // give a number the range message.
    error: (issue) => (typeof issue.input === "number" ? WINDOW_RANGE_MESSAGE : describeWindowError(issue)),
  },
);

/** One rate limit on a tool: at most `max` calls per `window`, counted on a shared `counter`. */
export const LimitSchema = namedStrictObject("limit", 'an object with "counter", "window" and "max"', {
  counter: z
    .string({ error: fieldError("counter", "a string") })
    .min(1, { error: "counter must not be empty" })
    .max(MAX_COUNTER_CHARS, { error: `counter must be at most ${MAX_COUNTER_CHARS} characters` })
    .regex(COUNTER_PATTERN, { error: 'counter may only contain letters, digits, "_", ".", ":" and "-"' }),
  window: LimitWindowSchema,
  max: z
    .number({ error: fieldError("max", "a positive integer") })
    .int()
    .positive(),
  scope: z.enum(LIMIT_SCOPES, { error: fieldError("scope", quoteList(LIMIT_SCOPES, "or")) }).default("grant"),
});

/** What happens when an agent calls one tool; a listed tool is allowed unless it says otherwise. */
export const ToolRuleSchema = namedStrictObject("tool rule", 'an object such as {"action": "allow"}', {
  action: z.enum(TOOL_ACTIONS, { error: actionError("action", TOOL_ACTIONS) }).default("allow"),
  reason: z
    .string({ error: fieldError("reason", "a string") })
    .min(1, { error: "reason must not be empty; leave it out to use the standard message" })
    .max(MAX_REASON_CHARS, { error: `reason must be at most ${MAX_REASON_CHARS} characters` })
    .optional(),
  limits: z.array(LimitSchema, { error: fieldError("limits", "an array of limits") }).optional(),
}).superRefine((rule, ctx) => {
  if (rule.action === "deny" && rule.limits !== undefined) {
    ctx.addIssue({
      code: "custom",
      path: ["limits"],
      message: 'limits cannot be set on a denied tool; remove "limits" or set "action" to "allow"',
    });
  }
});

const ToolNameSchema = z
  .string()
  .min(1, { error: "tool name must not be empty" })
  .max(MAX_TOOL_NAME_CHARS, { error: `tool name must be at most ${MAX_TOOL_NAME_CHARS} characters` });

// zod silently drops a "__proto__" key from records, which would make a rule vanish without
// an error, so it is rejected before the record sees it.
const ToolsSchema = z
  .preprocess(
    (input, ctx) => {
      if (typeof input === "object" && input !== null && Object.hasOwn(input, "__proto__")) {
        ctx.addIssue({
          code: "custom",
          path: ["__proto__"],
          input,
          message: 'tool name "__proto__" is reserved',
        });
      }
      return input;
    },
    z.record(ToolNameSchema, ToolRuleSchema, {
      error: fieldError("tools", "an object mapping tool names to rules"),
    }),
  )
  .default({});

/** A policy document: a default for unlisted tools plus per-tool rules. */
export const PolicySchema = namedStrictObject("policy", 'a JSON object with "version" and "default"', {
  version: z.literal("1", { error: fieldError("version", 'the string "1"') }),
  default: z.enum(["deny", "allow"], { error: actionError("default", ["deny", "allow"]) }),
  tools: ToolsSchema,
}).superRefine((policy, ctx) => {
  for (const conflict of findCounterConflicts(policy.tools)) {
    ctx.addIssue({ code: "custom", path: conflict.path, message: conflict.message });
  }
});

export type Limit = z.output<typeof LimitSchema>;
export type LimitScope = (typeof LIMIT_SCOPES)[number];
export type ToolRule = z.output<typeof ToolRuleSchema>;
export type ToolAction = (typeof TOOL_ACTIONS)[number];
export type Policy = z.output<typeof PolicySchema>;
