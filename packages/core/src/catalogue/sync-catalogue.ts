import type { GrantChangeNotifier } from "../grants/grant-change-notifier";
import { notifyBestEffort } from "../grants/grant-change-notifier";
import { discoverTools } from "./discover-tools";

/**
 * Re-reads a server's tools into the catalogue and, when anything changed, tells
 * the proxies so a changed tool is blocked (and a new one governed) from the next call.
 */
export async function syncCatalogue(
  options: Parameters<typeof discoverTools>[0] & { notify: GrantChangeNotifier },
) {
  const result = await discoverTools(options);
  const { added, changed, removed } = result.changes;
  const isChanged = added.length + changed.length + removed.length > 0;
  const isPropagated = isChanged
    ? await notifyBestEffort(options.notify, { kind: "server_changed", serverId: options.serverId })
    : true;
  return { ...result, isPropagated };
}
