import type { Db } from "@gatehouse/db/client";
import { endApprovalRequest } from "./end-approval-request";

// A live holder ends its own expired requests; the sweep only steps in when it has
// clearly failed to, so the two never race over a request that is ending normally.
const EXPIRY_GRACE_MS = 30_000;

/**
 * Ends pending requests nobody is waiting on any more: those whose proxy process
 * stopped (abandoned) and those long past their expiry (expired). Runs on a schedule.
 */
export async function sweepApprovalRequests(deps: {
  db: Db;
  /** The installation's prefix: only holders created with createHolderId(prefix) are judged. */
  holderPrefix: string;
  findLiveHolders: (holderIds: readonly string[]) => Promise<Set<string>>;
  now: Date;
}): Promise<{ abandoned: number; expired: number }> {
  const pending = await deps.db.approvalRequest.findMany({
    where: { status: "pending", holderId: { startsWith: `${deps.holderPrefix}:` } },
    select: { id: true, holderId: true, expiresAt: true },
    take: 1000,
  });
  const live = await deps.findLiveHolders(pending.map((request) => request.holderId));
  const counts = { abandoned: 0, expired: 0 };
  for (const request of pending) {
    const status = !live.has(request.holderId)
      ? "abandoned"
      : request.expiresAt.getTime() + EXPIRY_GRACE_MS < deps.now.getTime()
        ? "expired"
        : undefined;
    if (!status) continue;
    const ended = await endApprovalRequest(deps.db, { approvalId: request.id, status, now: deps.now });
    if (ended.status === status) counts[status] += 1;
  }
  return counts;
}
