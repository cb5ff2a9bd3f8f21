import { z } from "zod";

/**
 * One request answered by the proxy, as queued for the worker (the audit job's contract). The
 * fields added since the first release are optional, so events queued by an older proxy still parse.
 */
export const AuditEventSchema = z.object({
  id: z.uuid(),
  /** Null when the request was refused before any grant was known (no, malformed or unknown token). */
  orgId: z.string().min(1).nullable(),
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
  /** The upstream's answer: its JSON-RPC error code, the HTTP status its transport reported, the tool result's isError. */
  jsonRpcErrorCode: z.number().int().nullable().optional(),
  upstreamHttpStatus: z.number().int().min(100).max(599).nullable().optional(),
  resultIsError: z.boolean().nullable().optional(),
  /** From receiving the request to answering it, waits for approval included. */
  latencyMs: z.number().int().nonnegative(),
  /** The upstream request alone; null when nothing was sent upstream. */
  upstreamLatencyMs: z.number().int().nonnegative().nullable().optional(),
  /** Size of the result as JSON (UTF-8 bytes). */
  resultBytes: z.number().int().nonnegative().nullable().optional(),
  sessionId: z.string().max(200).nullable(),
  /** The agent's MCP client, as it named itself in `initialize`. */
  clientName: z.string().max(200).nullable().optional(),
  clientVersion: z.string().max(100).nullable().optional(),
  clientIp: z.string().max(100).nullable().optional(),
  userAgent: z.string().max(500).nullable().optional(),
  /** The public prefix of the grant token presented, never the token. */
  tokenPrefix: z.string().max(20).nullable().optional(),
  argumentKeys: z.array(z.string().max(200)).max(200),
  /** Argument values, only under a policy's log_arguments "redacted" (secrets masked) or "full". */
  arguments: z.json().nullable().optional(),
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

// Inserts are idempotent, so a batch is retried for as long as a database outage may last:
// delays double from a second up to a minute and stay there, about a day in all. Once the
// database is back, every waiting batch is stored within a minute.
export const AUDIT_JOB_ATTEMPTS = 1500;
export const AUDIT_JOB_BACKOFF_MS = 1000;
export const AUDIT_JOB_MAX_BACKOFF_MS = 60_000;
/** A backoff type BullMQ does not know, so the worker's `auditJobBackoffMs` computes every delay. */
export const AUDIT_JOB_BACKOFF_TYPE = "audit-capped-exponential";

/** How every audit batch is queued; a batch that runs out of attempts stays in the failed set. */
export const AUDIT_JOB_OPTIONS = {
  attempts: AUDIT_JOB_ATTEMPTS,
  backoff: { type: AUDIT_JOB_BACKOFF_TYPE },
  removeOnComplete: true,
  removeOnFail: false,
};

/** The delay before retrying an audit batch that failed `attemptsMade` times. */
export function auditJobBackoffMs(attemptsMade: number): number {
  return Math.min(AUDIT_JOB_BACKOFF_MS * 2 ** Math.max(0, attemptsMade - 1), AUDIT_JOB_MAX_BACKOFF_MS);
}
