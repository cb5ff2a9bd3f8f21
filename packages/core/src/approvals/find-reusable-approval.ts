import type { Db } from "@gatehouse/db/client";
import type { ApprovalRequest } from "@gatehouse/db/models";

/**
 * An approval whose approver also allowed identical calls, still within its window:
 * same grant, same call, same arguments (digest) and the same policy version — a
 * policy edit ends every such window.
 */
export async function findReusableApproval(
  db: Db,
  call: { grantId: string; kind: string; name: string; argsDigest: string; policyVersion: number; now: Date },
): Promise<ApprovalRequest | null> {
  return db.approvalRequest.findFirst({
    where: {
      grantId: call.grantId,
      kind: call.kind,
      name: call.name,
      argsDigest: call.argsDigest,
      policyVersion: call.policyVersion,
      status: "approved",
      reuseUntil: { gt: call.now },
    },
    orderBy: { decidedAt: "desc" },
  });
}
