import { z } from "zod";
import { AuditEventSchema } from "@/server/api/schemas/audit-schemas";

// The audit page's live tail: the server encodes each answer through this schema and the
// browser decodes every poll with it, so both sides agree on the events' shape and dates.

/** Events newer than the tail's cursor, oldest first, and the cursor to poll with next. */
export const AuditTailSchema = z.object({
  events: z.array(AuditEventSchema),
  cursor: z.string().nullable(),
});

/** One audit event as the dashboard shows it (dates decoded). */
export type AuditEventView = z.output<typeof AuditEventSchema>;
