import {
  CATALOGUE_SYNC_ATTEMPTS,
  CATALOGUE_SYNC_BACKOFF_MS,
  CATALOGUE_SYNC_JOB,
  type CatalogueSyncJob,
  catalogueSyncJobId,
} from "@gatehouse/core/catalogue/catalogue-sync-job";
import type { Db } from "@gatehouse/db/client";
import type { Queue } from "bullmq";

/** The scheduled sweep: one sync job for every server that has been connected. */
export async function sweepCatalogues(deps: { db: Db; queue: Queue<CatalogueSyncJob> }) {
  const servers = await deps.db.mcpServer.findMany({
    where: { discoveredAt: { not: null } },
    select: { id: true, orgId: true },
  });
  await deps.queue.addBulk(
    servers.map((server) => ({
      name: CATALOGUE_SYNC_JOB,
      data: { orgId: server.orgId, serverId: server.id, reason: "schedule" as const },
      opts: {
        jobId: catalogueSyncJobId(server.id),
        attempts: CATALOGUE_SYNC_ATTEMPTS,
        backoff: { type: "exponential", delay: CATALOGUE_SYNC_BACKOFF_MS },
        removeOnComplete: true,
        removeOnFail: 100,
      },
    })),
  );
  return { scheduled: servers.length };
}
