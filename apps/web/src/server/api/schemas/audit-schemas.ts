import { AuditFilterSchema } from "@gatehouse/core/audit/list-audit-events";
import { ApprovalStatus, Decision } from "@gatehouse/db/models";
import { z } from "zod";
import { TimestampSchema } from "./common-schemas";

/** The audit log's filters, as query parameters; the same schema the dashboard's filters use. */
export const AuditQuerySchema = AuditFilterSchema.extend({
  before: AuditFilterSchema.shape.before.meta({
    description: "The nextCursor of the previous page; omit for the newest events.",
  }),
});

export const AuditEventSchema = z.object({
  id: z.string(),
  occurredAt: TimestampSchema,
  grantId: z.string().nullable(),
  serverId: z.string().nullable(),
  method: z.string().meta({ description: 'The MCP method, e.g. "tools/call".' }),
  tool: z.string().nullable(),
  decision: z.enum(Decision),
  isShadow: z.boolean().meta({ description: "True when the policy only logged its decision (shadow mode)." }),
  rule: z.string().nullable().meta({ description: "The policy rule that decided." }),
  policyId: z.string().nullable(),
  policyVersion: z.number().int().nullable(),
  reason: z.string().nullable(),
  upstreamStatus: z.string().nullable(),
  upstreamError: z.string().nullable(),
  latencyMs: z.number().int(),
  sessionId: z.string().nullable(),
  argumentKeys: z
    .array(z.string())
    .meta({ description: "The names of the call's arguments; never their values." }),
  approvalId: z.string().nullable().meta({ description: "Set when the call was held for a person." }),
  approvalStatus: z
    .enum(ApprovalStatus)
    .nullable()
    .meta({ description: "How the held call's request ended." }),
  approvedBy: z
    .string()
    .nullable()
    .meta({ description: "Who decided it (for reused, the earlier approver)." }),
  approvalWaitMs: z.number().int().nullable().meta({ description: "How long the call was held." }),
});

export const AuditPageResponseSchema = z.object({
  events: z.array(AuditEventSchema).meta({ description: "Newest first." }),
  nextCursor: z
    .string()
    .nullable()
    .meta({ description: "Pass as `before` for the next page; null on the last page." }),
});
