import { z } from "zod";
import { ApprovalSettingsSchema } from "./approval-schema";
import { EntrySchema } from "./entry-schema";
import { findCounterConflicts } from "./find-counter-conflicts";
import { LimitSchema } from "./limit-schema";
import {
  describeUnknownKeys,
  fieldError,
  namedStrictObject,
  quoteList,
  rejectProtoKey,
} from "./schema-messages";

export type { ApprovalSettings } from "./approval-schema";
export type { EntryAction, PolicyEntry } from "./entry-schema";
export type { Limit, LimitScope, RateLimit } from "./limit-schema";
export type { LimitWindow } from "./limit-window";

/** Risk categories from the tool catalogue that `categories` entries may be keyed by. */
export const RISK_CATEGORIES = ["read", "write", "execute", "destructive", "financial"] as const;

/** How the proxy applies decisions: enforce them, or only log them (shadow). */
export const POLICY_MODES = ["enforce", "shadow"] as const;

/** What the proxy does with a tool whose definition changed since a person approved it. */
export const TOOL_CHANGE_RESPONSES = ["block", "allow"] as const;

/** How much of a call's arguments the audit log keeps: names only, values with secrets masked, or all values. */
export const LOG_ARGUMENTS_MODES = ["keys", "redacted", "full"] as const;

const MAX_NAME_CHARS = 128;
const MAX_URI_CHARS = 1024;

function nameSchema(noun: string, maxChars: number) {
  return z
    .string({ error: `${noun} must be a string` })
    .min(1, { error: `${noun} must not be empty` })
    .max(maxChars, { error: `${noun} must be at most ${maxChars} characters` });
}

function entryMap(field: string, noun: string, maxChars: number, description: string) {
  const record = z.record(nameSchema(noun, maxChars), EntrySchema, {
    error: fieldError(field, `an object mapping ${noun}s (or globs) to entries`),
  });
  return z.preprocess(rejectProtoKey(noun), record).describe(description);
}

const CategoriesSchema = z
  .preprocess(
    rejectProtoKey("category"),
    z.partialRecord(z.enum(RISK_CATEGORIES), EntrySchema, {
      // zod reports keys outside the enum as unrecognized_keys, which its issue type omits.
      error: (issue: z.core.$ZodRawIssue) =>
        issue.code === "unrecognized_keys"
          ? describeUnknownKeys(issue.keys, RISK_CATEGORIES, { one: "category", many: "categories" })
          : `categories must be an object mapping risk categories (${quoteList(RISK_CATEGORIES, "or")}) to entries`,
    }),
  )
  .describe("Entries keyed by the tool's catalogue risk category; used when no tool name or glob matches.");

/** A policy document: a default for unlisted calls, entries by name, glob or category, and limits. */
export const PolicySchema = namedStrictObject("policy", 'a JSON object with "version" and "default"', {
  version: z.literal("1", { error: fieldError("version", 'the string "1"') }).describe('Always "1".'),
  default: z
    .enum(["deny", "allow"], { error: fieldError("default", '"deny" or "allow"') })
    .describe("What happens to a call no entry selects."),
  mode: z
    .enum(POLICY_MODES, { error: fieldError("mode", quoteList(POLICY_MODES, "or")) })
    .optional()
    .describe("enforce (default) or shadow: decide and log, but let every call through."),
  on_tool_change: z
    .enum(TOOL_CHANGE_RESPONSES, {
      error: fieldError("on_tool_change", quoteList(TOOL_CHANGE_RESPONSES, "or")),
    })
    .optional()
    .describe(
      "block (default): a tool whose definition changed since it was approved is refused until a person approves it; allow: changes are accepted.",
    ),
  log_arguments: z
    .enum(LOG_ARGUMENTS_MODES, { error: fieldError("log_arguments", quoteList(LOG_ARGUMENTS_MODES, "or")) })
    .optional()
    .meta({ default: "keys" })
    .describe(
      'What the audit log keeps of each call\'s arguments: "keys" (default) their names only; "redacted" their values with secrets (API keys, tokens, passwords, private keys, and fields named like them) masked; "full" their values as sent.',
    ),
  approval: ApprovalSettingsSchema.optional().describe(
    "How calls held for approval wait and may be approved; entries may override it.",
  ),
  hide: z
    .array(nameSchema("hide glob", MAX_NAME_CHARS), { error: fieldError("hide", "an array of tool globs") })
    .optional()
    .describe("Tool globs hidden from tools/list and denied, whatever the entries say."),
  all_tools: namedStrictObject("all_tools", 'an object such as {"limits": []}', {
    limits: z
      .array(LimitSchema, { error: fieldError("limits", "an array of limits") })
      .optional()
      .describe("Limits every allowed tool call counts against, in addition to its entry's."),
  })
    .optional()
    .describe("Limits that apply to every tool call."),
  categories: CategoriesSchema.optional(),
  tools: entryMap("tools", "tool name", MAX_NAME_CHARS, "Entries keyed by tool name or glob.").default({}),
  resources: entryMap(
    "resources",
    "resource URI",
    MAX_URI_CHARS,
    "Entries keyed by resource URI or glob; conditions see args = {uri}.",
  ).optional(),
  prompts: entryMap(
    "prompts",
    "prompt name",
    MAX_NAME_CHARS,
    "Entries keyed by prompt name or glob; conditions see the prompt arguments.",
  ).optional(),
}).superRefine((policy, ctx) => {
  for (const conflict of findCounterConflicts(policy)) {
    ctx.addIssue({ code: "custom", path: conflict.path, message: conflict.message });
  }
});

export type Policy = z.output<typeof PolicySchema>;
export type PolicyMode = (typeof POLICY_MODES)[number];
export type ToolChangeResponse = (typeof TOOL_CHANGE_RESPONSES)[number];
export type LogArgumentsMode = (typeof LOG_ARGUMENTS_MODES)[number];
export type RiskCategory = (typeof RISK_CATEGORIES)[number];
