import { z } from "zod";

/** The BullMQ queue that re-reads servers' tool lists (on schedule, on drift, on list_changed). */
export const CATALOGUE_SYNC_QUEUE = "catalogue-sync";
export const CATALOGUE_SYNC_JOB = "sync";
export const CATALOGUE_SWEEP_JOB = "sweep";

export const CatalogueSyncJobSchema = z.object({
  orgId: z.string().min(1),
  serverId: z.string().min(1),
  reason: z.enum(["schedule", "drift", "list_changed", "manual"]),
});
export type CatalogueSyncJob = z.infer<typeof CatalogueSyncJobSchema>;

// An unreachable upstream is retried a few times, then waits for the next sweep.
export const CATALOGUE_SYNC_ATTEMPTS = 3;
export const CATALOGUE_SYNC_BACKOFF_MS = 5_000;

/** One pending sync per server at a time: a burst of drift reports collapses into one job. */
export function catalogueSyncJobId(serverId: string): string {
  return `sync-${serverId}`;
}
