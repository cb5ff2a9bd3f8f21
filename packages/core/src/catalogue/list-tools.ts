import type { Db } from "@gatehouse/db/client";

/** The catalogued tools of one of the organisation's servers, by name; removed tools last. */
export function listTools(options: { db: Db; orgId: string; serverId: string }) {
  return options.db.tool.findMany({
    where: { serverId: options.serverId, server: { orgId: options.orgId } },
    orderBy: [{ removedAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
  });
}
