import type { Db } from "@gatehouse/db/client";

/**
 * Records a running upstream's health on its server (status and last error), as the
 * proxy sees it: a pooled stdio server that crashed, then came back.
 */
export async function recordUpstreamHealth(options: {
  db: Db;
  orgId: string;
  serverId: string;
  status: "connected" | "error";
  lastError: string | null;
}): Promise<void> {
  const { db, orgId, serverId, status, lastError } = options;
  await db.mcpServer.updateMany({ where: { id: serverId, orgId }, data: { status, lastError } });
}
