import { z } from "zod";

/** One call answered by the proxy, as queued for the worker (the audit job's contract). */
export const AuditEventSchema = z.object({
  id: z.uuid(),
  orgId: z.string().min(1),
  grantId: z.string().nullable(),
  serverId: z.string().nullable(),
  occurredAt: z.iso.datetime(),
  method: z.string().min(1).max(200),
  /** The tool or prompt name, or the resource URI, the request was about. */
  tool: z.string().max(2000).nullable(),
  decision: z.enum(["allow", "deny", "require_approval"]),
  /** True when the policy ran in shadow mode: `decision` was logged, and the call let through. */
  isShadow: z.boolean().default(false),
  /** JSON Pointer of the policy rule that decided, e.g. "/tools/echo/limits/0" or "(default deny)". */
  rule: z.string().max(300).nullable(),
  policyId: z.string().nullable().default(null),
  policyVersion: z.number().int().positive().nullable().default(null),
  reason: z.string().max(2000).nullable(),
  upstreamStatus: z.string().max(100).nullable(),
  upstreamError: z.string().max(2000).nullable(),
  latencyMs: z.number().int().nonnegative(),
  sessionId: z.string().max(200).nullable(),
  argumentKeys: z.array(z.string().max(200)).max(200),
  /** Set when the call was held for a person: its approval request, how it ended, who decided and the wait. */
  approvalId: z.string().max(200).nullable().optional(),
  approvalStatus: z
    .enum(["pending", "approved", "denied", "expired", "cancelled", "abandoned", "reused"])
    .nullable()
    .optional(),
  approvedBy: z.string().max(200).nullable().optional(),
  approvalWaitMs: z.number().int().nonnegative().nullable().optional(),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;

/** The BullMQ queue carrying audit events from proxies to the worker. */
export const AUDIT_QUEUE = "audit-events";
export const AUDIT_JOB = "ingest";

export const AuditJobSchema = z.object({ events: z.array(AuditEventSchema).min(1).max(1000) });
export type AuditJob = z.infer<typeof AuditJobSchema>;

// Enough to ride out a worker restart or a short database outage without losing a batch.
export const AUDIT_JOB_ATTEMPTS = 10;
export const AUDIT_JOB_BACKOFF_MS = 1000;
