import type { Db } from "@gatehouse/db/client";
import type { ApprovalRequest } from "@gatehouse/db/models";

/** How a request ends without a person's decision. */
export type UndecidedEnd = "expired" | "cancelled" | "abandoned";

/**
 * Ends a pending request without a decision (timed out, cancelled by the agent, or
 * its proxy stopped) and purges its arguments. Returns the request as it now is: if
 * a person's decision landed first, that decision stands and is returned instead.
 */
export async function endApprovalRequest(
  db: Db,
  input: { approvalId: string; status: UndecidedEnd; now: Date },
): Promise<ApprovalRequest> {
  await db.approvalRequest.updateMany({
    where: { id: input.approvalId, status: "pending" },
    data: {
      status: input.status,
      decidedAt: input.now,
      decidedByName: "Gatehouse",
      argumentsEncrypted: null,
    },
  });
  return db.approvalRequest.findUniqueOrThrow({ where: { id: input.approvalId } });
}
