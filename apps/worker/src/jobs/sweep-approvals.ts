import { findLiveHolders } from "@gatehouse/core/approvals/proxy-holders";
import { sweepApprovalRequests } from "@gatehouse/core/approvals/sweep-approval-requests";
import type { Logger } from "@gatehouse/core/logging/create-logger";
import type { Db } from "@gatehouse/db/client";
import type { Redis } from "ioredis";

/** The BullMQ queue whose scheduled job ends approval requests nobody is waiting on. */
export const APPROVAL_SWEEP_QUEUE = "approval-sweeps";
export const APPROVAL_SWEEP_JOB = "sweep";

/** One sweep: requests of stopped proxies become abandoned, long-expired ones expired. */
export async function sweepApprovals(deps: { db: Db; redis: Redis; prefix: string; logger: Logger }) {
  const counts = await sweepApprovalRequests({
    db: deps.db,
    holderPrefix: deps.prefix,
    findLiveHolders: (holderIds) => findLiveHolders(deps.redis, { prefix: deps.prefix, holderIds }),
    now: new Date(),
  });
  if (counts.abandoned > 0 || counts.expired > 0)
    deps.logger.info(counts, "ended approval requests nobody waits on");
  return counts;
}
