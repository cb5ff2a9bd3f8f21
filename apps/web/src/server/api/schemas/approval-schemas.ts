import type { ApprovalStatus } from "@gatehouse/db/models";
import { z } from "zod";
import { RefSchema, TimestampSchema } from "./common-schemas";

// Also parsed in the browser (the dashboard's live inbox), so the statuses are listed here
// rather than imported from the Prisma client. Encoding an ApprovalSummary through these
// schemas fails to compile if a status is missing.
const APPROVAL_STATUSES = [
  "pending",
  "approved",
  "denied",
  "expired",
  "cancelled",
  "abandoned",
  "reused",
] as const satisfies readonly ApprovalStatus[];

export const ApprovalListQuerySchema = z.object({
  state: z.enum(["pending", "ended"]).default("pending").meta({
    description:
      "pending: awaiting a decision, the soonest to expire first; ended: decided or closed, newest first.",
  }),
});

export const ApprovalSummarySchema = z.object({
  id: z.string(),
  status: z.enum(APPROVAL_STATUSES).meta({
    description:
      "expired: nobody decided in time; cancelled: the agent gave up; abandoned: its proxy stopped.",
  }),
  kind: z.string().meta({ description: "tool, resource or prompt." }),
  method: z.string().meta({ description: 'The MCP method, e.g. "tools/call".' }),
  name: z.string().meta({ description: "The tool or prompt name, or the resource URI." }),
  argumentKeys: z.array(z.string()).meta({ description: "The names of the call's arguments." }),
  rule: z.string().meta({ description: "The policy rule that asked for approval, as a JSON Pointer." }),
  reason: z.string(),
  sessionId: z.string().nullable().meta({ description: "The agent's MCP session." }),
  grant: RefSchema,
  server: RefSchema,
  policy: z.object({ id: z.string(), version: z.number().int() }),
  createdAt: TimestampSchema,
  expiresAt: TimestampSchema.meta({ description: "When the held call is refused if nobody decides." }),
  decidedAt: TimestampSchema.nullable().meta({ description: "When the request ended, however it ended." }),
  decidedByName: z.string().nullable().meta({
    description: 'Who ended it: a person, "API key <name>", or "Gatehouse" when it ended undecided.',
  }),
  comment: z.string().nullable(),
  reuseWindowSeconds: z.number().int().nullable().meta({
    description:
      "How long an approver may also allow identical calls; null when the policy does not offer it.",
  }),
  reuseUntil: TimestampSchema.nullable().meta({ description: "Identical calls are let through until then." }),
});

/** One request with its arguments, which only those who may decide it see. */
export const ApprovalSchema = ApprovalSummarySchema.extend({
  arguments: z.record(z.string(), z.unknown()).nullable().meta({
    description: "The call's arguments while the request is pending; null once it ended (they are deleted).",
  }),
});

export const DecideApprovalBodySchema = z.strictObject({
  decision: z.enum(["approve", "deny"]),
  comment: z.string().optional().meta({ description: "Why; shown to the agent and in the inbox." }),
  allowIdentical: z.boolean().optional().meta({
    description:
      "With approve: also let identical calls (same grant, tool and arguments) through for the policy's allow_identical_for window. 400 when the policy does not offer it.",
  }),
});

export const ApprovalListResponseSchema = z.object({ approvals: z.array(ApprovalSummarySchema) });
export const ApprovalResponseSchema = z.object({ approval: ApprovalSchema });
export const ApprovalDecisionResponseSchema = z.object({
  approval: ApprovalSchema,
  isPropagated: z.boolean().meta({
    description:
      "False when the proxies could not be told at once (Redis unavailable); the proxy holding the call still sees the decision when it next checks, within seconds.",
  }),
});
