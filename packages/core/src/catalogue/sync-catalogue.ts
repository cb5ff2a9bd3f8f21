import type { Actor } from "../admin-trail/admin-actor";
import { recordAdminEvent } from "../admin-trail/record-admin-event";
import type { GrantChangeNotifier } from "../grants/grant-change-notifier";
import { notifyBestEffort } from "../grants/grant-change-notifier";
import { discoverTools } from "./discover-tools";

/**
 * Re-reads a server's tools into the catalogue and, when anything changed, tells
 * the proxies so a changed tool is blocked (and a new one governed) from the next call.
 * `actor` is who asked, recorded in the admin trail; it is null for the worker's own
 * syncs, which keep the catalogue current and are no one's admin action.
 */
export async function syncCatalogue(
  options: Parameters<typeof discoverTools>[0] & { notify: GrantChangeNotifier; actor: Actor | null },
) {
  const result = await discoverTools(options);
  const { added, changed, removed } = result.changes;
  if (options.actor) {
    const server = await options.db.mcpServer.findUniqueOrThrow({
      where: { id: options.serverId },
      select: { name: true },
    });
    await recordAdminEvent(options.db, {
      orgId: options.orgId,
      actor: options.actor,
      action: "server.discovered",
      target: { id: options.serverId, name: server.name },
      details: { toolCount: result.toolCount, added, changed, removed },
    });
  }
  const isChanged = added.length + changed.length + removed.length > 0;
  const isPropagated = isChanged
    ? await notifyBestEffort(options.notify, { kind: "server_changed", serverId: options.serverId })
    : true;
  return { ...result, isPropagated };
}
