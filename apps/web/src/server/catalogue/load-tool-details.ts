import "server-only";
import { listToolChanges } from "@gatehouse/core/catalogue/list-tool-changes";
import { listTools } from "@gatehouse/core/catalogue/list-tools";
import { GatehouseError } from "@gatehouse/core/errors/gatehouse-error";
import type { Db } from "@gatehouse/db/client";

/**
 * One catalogued tool of one of the organisation's servers, with its recorded changes
 * (newest first) and the names of the members who approved them.
 */
export async function loadToolDetails(options: { db: Db; orgId: string; serverId: string; toolId: string }) {
  const { db, orgId } = options;
  const tools = await listTools({ db, orgId, serverId: options.serverId });
  const tool = tools.find((candidate) => candidate.id === options.toolId);
  if (!tool) throw new GatehouseError("not_found", "No such tool in this organisation.");
  const changes = await listToolChanges({ db, orgId, toolId: tool.id });
  const approverIds = [...new Set(changes.flatMap((change) => change.approvedById ?? []))];
  // Only members of this organisation are named; anyone else (e.g. who left) stays anonymous.
  const members = approverIds.length
    ? await db.membership.findMany({
        where: { orgId, userId: { in: approverIds } },
        select: { userId: true, user: { select: { name: true, email: true } } },
      })
    : [];
  const names = new Map(members.map((member) => [member.userId, member.user.name || member.user.email]));
  return {
    tool,
    changes: changes.map((change) => ({
      ...change,
      approvedBy: change.approvedById ? (names.get(change.approvedById) ?? "a former member") : null,
    })),
  };
}
