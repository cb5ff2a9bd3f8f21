import { hashToolDefinition } from "@gatehouse/core/catalogue/tool-definition-hash";
import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import type { GrantSnapshot } from "../grants/grant-snapshot";
import type { CatalogueSyncRequester } from "./catalogue-sync-requester";
import type { DriftRegistry } from "./drift-registry";

/**
 * Compares what the upstream just listed with the catalogue, so a server cannot
 * change a tool between syncs unnoticed: a changed definition is blocked at once
 * and a sync requested; a tool the catalogue lacks only triggers a sync.
 */
export function checkListedTools(
  deps: { drift: DriftRegistry; requestSync: CatalogueSyncRequester },
  grant: Pick<GrantSnapshot, "orgId" | "serverId" | "tools">,
  tools: Tool[],
): void {
  let needsSync = false;
  for (const tool of tools) {
    const known = grant.tools.get(tool.name);
    if (!known) needsSync = true;
    else if (known.definitionHash !== hashToolDefinition(tool)) {
      deps.drift.mark(grant.serverId, tool.name);
      needsSync = true;
    }
  }
  if (needsSync) deps.requestSync({ orgId: grant.orgId, serverId: grant.serverId, reason: "drift" });
}
