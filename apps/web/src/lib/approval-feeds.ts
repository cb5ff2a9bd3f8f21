import { z } from "zod";
import { ApprovalSchema, ApprovalSummarySchema } from "@/server/api/schemas/approval-schemas";
import { TimestampSchema } from "@/server/api/schemas/common-schemas";

// The dashboard's live approval data: the server encodes it through these schemas and the
// browser decodes every poll with them, so both sides agree on its shape and its dates.

const feedFields = {
  canDecide: z.boolean(),
  /** The server's clock when the data was read, so countdowns agree with the server's. */
  now: TimestampSchema,
};

/** The inbox: pending requests (with arguments for those who may decide) and recently ended ones. */
export const ApprovalInboxSchema = z.object({
  ...feedFields,
  pending: z.array(ApprovalSchema),
  ended: z.array(ApprovalSummarySchema),
});
export type ApprovalInbox = z.output<typeof ApprovalInboxSchema>;

/** One request, as its page shows it. */
export const ApprovalDetailSchema = z.object({ ...feedFields, approval: ApprovalSchema });
export type ApprovalDetail = z.output<typeof ApprovalDetailSchema>;

export type ApprovalView = z.output<typeof ApprovalSchema>;
export type ApprovalSummaryView = z.output<typeof ApprovalSummarySchema>;

/** The navigation's badge. */
export const PendingCountSchema = z.object({ pendingCount: z.number().int().nonnegative() });
