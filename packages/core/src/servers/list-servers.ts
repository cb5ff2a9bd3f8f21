import type { Db } from "@gatehouse/db/client";
import { SERVER_PUBLIC_FIELDS } from "./server-public-fields";

/** Lists an organisation's servers with their tool and grant counts, newest first. Never returns secrets. */
export function listServers(options: { db: Db; orgId: string }) {
  return options.db.mcpServer.findMany({
    where: { orgId: options.orgId },
    orderBy: { createdAt: "desc" },
    select: {
      ...SERVER_PUBLIC_FIELDS,
      _count: { select: { tools: { where: { removedAt: null } }, grants: { where: { revokedAt: null } } } },
    },
  });
}
