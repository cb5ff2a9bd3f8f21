import { AuditFilterSchema, DecisionSchema } from "@gatehouse/core/audit/audit-filter";
import { z } from "zod";
import { ApprovalSummarySchema } from "./approval-schemas";
import { JsonValueSchema, TimestampSchema } from "./common-schemas";

// Also parsed in the browser (the audit page's live tail): nothing here loads the Prisma client.
const { shape } = AuditFilterSchema;

/** The audit log's filters, as query parameters; the same schema the dashboard's filters use. */
export const AuditQuerySchema = AuditFilterSchema.extend({
  from: shape.from.meta({ description: "Only events at or after this instant (ISO 8601 with offset)." }),
  to: shape.to.meta({ description: "Only events before this instant (ISO 8601 with offset)." }),
  tool: shape.tool.meta({ description: "The exact tool or prompt name, or resource URI." }),
  method: shape.method.meta({ description: 'The exact MCP method, e.g. "tools/call".' }),
  q: shape.q.meta({ description: "Text in the tool name or in an argument's name, ignoring case." }),
  before: shape.before.meta({
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
  decision: DecisionSchema,
  isShadow: z.boolean().meta({ description: "True when the policy only logged its decision (shadow mode)." }),
  rule: z.string().nullable().meta({ description: "The policy rule that decided." }),
  policyId: z.string().nullable(),
  policyVersion: z.number().int().nullable(),
  reason: z.string().nullable(),
  upstreamStatus: z.string().nullable(),
  upstreamError: z.string().nullable(),
  jsonRpcErrorCode: z
    .number()
    .int()
    .nullable()
    .meta({ description: "The upstream's JSON-RPC error code, when it answered with an error." }),
  upstreamHttpStatus: z.number().int().nullable().meta({ description: "The upstream's HTTP status." }),
  resultIsError: z.boolean().nullable().meta({ description: "The tool result's isError flag." }),
  latencyMs: z.number().int().meta({ description: "From receiving the request to answering it." }),
  upstreamLatencyMs: z
    .number()
    .int()
    .nullable()
    .meta({ description: "The upstream request alone; null when nothing was sent upstream." }),
  resultBytes: z.number().int().nullable().meta({ description: "Size of the result as JSON." }),
  sessionId: z.string().nullable(),
  clientName: z.string().nullable().meta({ description: "The agent's MCP client, as it named itself." }),
  clientVersion: z.string().nullable(),
  clientIp: z.string().nullable(),
  userAgent: z.string().nullable(),
  tokenPrefix: z
    .string()
    .nullable()
    .meta({ description: "The public prefix of the grant token presented, never the token." }),
  argumentKeys: z.array(z.string()).meta({ description: "The names of the call's arguments." }),
  arguments: JsonValueSchema.nullable().meta({
    description:
      'The argument values, only when the policy logs them (log_arguments "redacted", with secrets masked, or "full").',
  }),
  approvalId: z.string().nullable().meta({ description: "Set when the call was held for a person." }),
  approvalStatus: ApprovalSummarySchema.shape.status
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
