import type { Decision } from "@gatehouse/db/models";
import { z } from "zod";

// Plain zod, without the Prisma client (which cannot load in a browser): the dashboard's
// browser code decodes with schemas built on these.

/** A policy decision; listing a value the database does not have fails to compile. */
export const DecisionSchema = z.enum([
  "allow",
  "deny",
  "require_approval",
] as const satisfies readonly Decision[]);

/** What the audit log can be narrowed to; every field is optional and they combine with AND. */
export const AuditConditionsSchema = z.object({
  /** Events at or after this instant. */
  from: z.iso.datetime({ offset: true }).optional(),
  /** Events before this instant. */
  to: z.iso.datetime({ offset: true }).optional(),
  grantId: z.string().min(1).max(100).optional(),
  serverId: z.string().min(1).max(100).optional(),
  /** The exact tool or prompt name, or resource URI. */
  tool: z.string().min(1).max(2000).optional(),
  decision: DecisionSchema.optional(),
  /** The exact MCP method, e.g. "tools/call". */
  method: z.string().min(1).max(200).optional(),
  /** Text found anywhere in the tool name or in one of the argument names, ignoring case. */
  q: z.string().trim().min(1).max(200).optional(),
});
export type AuditConditions = z.infer<typeof AuditConditionsSchema>;

/** The audit list's query: the conditions plus `before`, the nextCursor of the previous page. */
export const AuditFilterSchema = AuditConditionsSchema.extend({ before: z.string().min(1).optional() });
