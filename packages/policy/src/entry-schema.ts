import { z } from "zod";
import { ApprovalSettingsSchema } from "./approval-schema";
import { ConditionListSchema } from "./condition-schema";
import { LimitSchema, RateLimitSchema } from "./limit-schema";
import { fieldError, namedStrictObject, quoteList } from "./schema-messages";

/** What an entry does with a call it selects. */
export const ENTRY_ACTIONS = ["allow", "deny", "require_approval"] as const;

export type EntryAction = (typeof ENTRY_ACTIONS)[number];

const MAX_REASON_CHARS = 500;

function reasonSchema(field: string, description: string) {
  return z
    .string({ error: fieldError(field, "a string") })
    .min(1, { error: `${field} must not be empty; leave it out to use the standard message` })
    .max(MAX_REASON_CHARS, { error: `${field} must be at most ${MAX_REASON_CHARS} characters` })
    .optional()
    .describe(description);
}

/** Deny the call when all of `conditions` match. */
const DenyIfSchema = namedStrictObject("deny_if item", 'an object with "conditions"', {
  conditions: ConditionListSchema,
  on_deny: reasonSchema("on_deny", "Shown to the agent when this item denies a call."),
});

/** Hold the call for approval when all of `conditions` match. */
const ApproveIfSchema = namedStrictObject("approve_if item", 'an object with "conditions"', {
  conditions: ConditionListSchema,
  reason: reasonSchema("reason", "Shown to the agent when this item holds a call for approval."),
});

/** What happens to the calls an entry selects; a listed entry allows unless it says otherwise. */
export const EntrySchema = namedStrictObject("entry", 'an object such as {"action": "allow"}', {
  action: z
    .enum(ENTRY_ACTIONS, { error: fieldError("action", quoteList(ENTRY_ACTIONS, "or")) })
    .default("allow")
    .describe("allow (default), deny, or require_approval (hold every call for a person)."),
  reason: reasonSchema("reason", "Shown to the agent when this entry denies or holds a call."),
  limits: z
    .array(LimitSchema, { error: fieldError("limits", "an array of limits") })
    .optional()
    .describe("Limits every call selected by this entry counts against."),
  rate_limit: RateLimitSchema.optional(),
  deny_if: z
    .array(DenyIfSchema, { error: fieldError("deny_if", "an array of items with conditions") })
    .optional()
    .describe("Deny when all conditions of any one item match."),
  approve_if: z
    .array(ApproveIfSchema, { error: fieldError("approve_if", "an array of items with conditions") })
    .optional()
    .describe("Hold for approval when all conditions of any one item match."),
  approval: ApprovalSettingsSchema.optional().describe(
    "How the calls this entry holds wait and may be approved; overrides the policy's approval settings field by field.",
  ),
})
  .superRefine((entry, ctx) => {
    const pointless = findPointlessFields(entry);
    for (const [field, message] of pointless) ctx.addIssue({ code: "custom", path: [field], message });
  })
  .meta({ id: "PolicyEntry", description: "What happens to the calls this entry selects." });

// Fields that can never take effect under the entry's action would mislead whoever reads the
// policy, so they are rejected rather than ignored.
function findPointlessFields(entry: {
  action: EntryAction;
  limits?: unknown;
  rate_limit?: unknown;
  deny_if?: unknown;
  approve_if?: unknown;
  approval?: unknown;
}): [string, string][] {
  const fields: [string, string][] = [];
  if (entry.action === "deny") {
    for (const field of ["limits", "rate_limit", "deny_if", "approve_if", "approval"] as const) {
      if (entry[field] === undefined) continue;
      fields.push([
        field,
        `${field} cannot be set when "action" is "deny" (every call is already denied); ` +
          `remove "${field}" or change "action"`,
      ]);
    }
  }
  if (entry.action === "require_approval" && entry.approve_if !== undefined) {
    fields.push([
      "approve_if",
      'approve_if has no effect when "action" is "require_approval" (every call is already held); ' +
        'remove "approve_if" or set "action" to "allow"',
    ]);
  }
  if (entry.action === "allow" && entry.approval !== undefined && entry.approve_if === undefined) {
    fields.push([
      "approval",
      'approval has no effect unless the entry holds calls; set "action" to "require_approval", add "approve_if", or remove "approval"',
    ]);
  }
  return fields;
}

export type PolicyEntry = z.output<typeof EntrySchema>;
