import type { Db } from "@gatehouse/db/client";
import { type Actor, attributedUserId } from "../admin-trail/admin-actor";
import { recordAdminEvent } from "../admin-trail/record-admin-event";
import { GatehouseError } from "../errors/gatehouse-error";
import type { GrantChangeNotifier } from "../grants/grant-change-notifier";
import { notifyBestEffort } from "../grants/grant-change-notifier";

/**
 * Accepts a tool's current definition after a person reviewed its change: the
 * proxy stops blocking it, and the pending change records are marked approved.
 */
export async function approveToolChange(options: {
  db: Db;
  notify: GrantChangeNotifier;
  orgId: string;
  toolId: string;
  actor: Actor;
}) {
  const tool = await options.db.tool.findFirst({
    where: { id: options.toolId, server: { orgId: options.orgId } },
  });
  if (!tool) throw new GatehouseError("not_found", "No such tool in this organisation.");
  const now = new Date();
  await options.db.$transaction([
    options.db.tool.update({ where: { id: tool.id }, data: { approvedHash: tool.definitionHash } }),
    options.db.toolChange.updateMany({
      where: { toolId: tool.id, approvedAt: null },
      data: { approvedAt: now, approvedById: attributedUserId(options.actor) },
    }),
    recordAdminEvent(options.db, {
      orgId: options.orgId,
      actor: options.actor,
      action: "tool_change.approved",
      target: { id: tool.id, name: tool.name },
      details: { serverId: tool.serverId, definitionHash: tool.definitionHash },
    }),
  ]);
  const isPropagated = await notifyBestEffort(options.notify, {
    kind: "server_changed",
    serverId: tool.serverId,
  });
  return { isPropagated };
}
