import { CatalogueSyncJobSchema } from "@gatehouse/core/catalogue/catalogue-sync-job";
import { syncCatalogue } from "@gatehouse/core/catalogue/sync-catalogue";
import { isGatehouseError } from "@gatehouse/core/errors/gatehouse-error";
import type { GrantChangeNotifier } from "@gatehouse/core/grants/grant-change-notifier";
import type { Logger } from "@gatehouse/core/logging/create-logger";
import type { SecretBox } from "@gatehouse/core/secrets/secret-box";
import type { Db } from "@gatehouse/db/client";
import { type Job, UnrecoverableError } from "bullmq";

export type SyncDeps = {
  db: Db;
  secretBox: SecretBox;
  notify: GrantChangeNotifier;
  logger: Logger;
  allowStdio: boolean;
  allowPrivateNetworks: boolean;
  timeoutMs: number;
};

/** Re-reads one server's tools; changes are recorded for review and the proxies told. */
export async function syncCatalogueJob(deps: SyncDeps, job: Job) {
  const parsed = CatalogueSyncJobSchema.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError("Malformed catalogue sync job.");
  const { orgId, serverId, reason } = parsed.data;
  try {
    // Keeping the catalogue current is Gatehouse's housekeeping, not an admin action: no trail event.
    const result = await syncCatalogue({ ...deps, orgId, serverId, actor: null });
    deps.logger.info({ serverId, reason, changes: result.changes }, "catalogue synced");
    return { toolCount: result.toolCount, changes: result.changes };
  } catch (error) {
    // A deleted server, or credentials sealed under another key, will never sync by retrying;
    // anything else (an unreachable upstream) is retried.
    if (isGatehouseError(error, "not_found") || isGatehouseError(error, "misconfigured")) {
      throw new UnrecoverableError(error.publicMessage);
    }
    throw error;
  }
}
