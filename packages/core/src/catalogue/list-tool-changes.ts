import type { Db } from "@gatehouse/db/client";

/** A tool's recorded definition changes, newest first (scoped to the organisation). */
export function listToolChanges(options: { db: Db; orgId: string; toolId: string }) {
  return options.db.toolChange.findMany({
    where: { toolId: options.toolId, tool: { server: { orgId: options.orgId } } },
    orderBy: { detectedAt: "desc" },
  });
}
