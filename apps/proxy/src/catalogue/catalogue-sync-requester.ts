import {
  CATALOGUE_SYNC_ATTEMPTS,
  CATALOGUE_SYNC_BACKOFF_MS,
  CATALOGUE_SYNC_JOB,
  type CatalogueSyncJob,
  catalogueSyncJobId,
} from "@gatehouse/core/catalogue/catalogue-sync-job";
import type { Logger } from "@gatehouse/core/logging/create-logger";
import type { Queue } from "bullmq";

/** Asks the worker to re-read a server's tools; off the response path, never failing the call. */
export type CatalogueSyncRequester = (job: CatalogueSyncJob) => void;

/** Enqueues at most one pending sync per server (the job id deduplicates bursts). */
export function createCatalogueSyncRequester(
  queue: Queue<CatalogueSyncJob>,
  logger: Logger,
): CatalogueSyncRequester {
  return (job) => {
    queue
      .add(CATALOGUE_SYNC_JOB, job, {
        jobId: catalogueSyncJobId(job.serverId),
        attempts: CATALOGUE_SYNC_ATTEMPTS,
        backoff: { type: "exponential", delay: CATALOGUE_SYNC_BACKOFF_MS },
        removeOnComplete: true,
        removeOnFail: 100,
      })
      .catch((error: unknown) =>
        logger.warn({ err: error, serverId: job.serverId }, "could not request a catalogue sync"),
      );
  };
}
