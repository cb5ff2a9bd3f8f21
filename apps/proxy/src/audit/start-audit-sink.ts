import { tmpdir } from "node:os";
import path from "node:path";
import type { AuditEvent } from "@gatehouse/core/audit/audit-event";
import type { Logger } from "@gatehouse/core/logging/create-logger";
import type { ProxyEnv } from "../env";
import { AuditSink } from "./audit-sink";
import { AuditSpool } from "./audit-spool";
import { openAuditQueue } from "./open-audit-queue";

/** Opens the audit queue and this process's spool; events a previous process spooled are replayed. */
export async function startAuditSink(options: {
  env: ProxyEnv;
  logger: Logger;
  observe: (event: AuditEvent) => void;
}): Promise<AuditSink> {
  const { env, logger } = options;
  const spool = await AuditSpool.open({
    // Per port, so proxies sharing a machine each keep their own, found again after a restart.
    dir:
      env.GATEHOUSE_AUDIT_SPOOL_DIR ?? path.join(tmpdir(), "gatehouse-audit-spool", String(env.PROXY_PORT)),
    maxBytes: env.GATEHOUSE_AUDIT_SPOOL_MAX_MB * 1024 * 1024,
    logger,
  });
  const queue = await openAuditQueue({ redisUrl: env.REDIS_URL, prefix: env.GATEHOUSE_QUEUE_PREFIX, logger });
  return new AuditSink(queue, spool, logger, options.observe);
}
