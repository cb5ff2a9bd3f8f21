import type { Db } from "@gatehouse/db/client";

/** Lists an organisation's servers with their tool and grant counts, newest first. Never returns secrets. */
export function listServers(options: { db: Db; orgId: string }) {
  return options.db.mcpServer.findMany({
    where: { orgId: options.orgId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      transport: true,
      url: true,
      command: true,
      status: true,
      lastError: true,
      discoveredAt: true,
      createdAt: true,
      _count: { select: { tools: { where: { removedAt: null } }, grants: { where: { revokedAt: null } } } },
    },
  });
}
