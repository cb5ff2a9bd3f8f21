"use server";

import { listTools } from "@gatehouse/core/catalogue/list-tools";
import { syncCatalogue } from "@gatehouse/core/catalogue/sync-catalogue";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { pluralize } from "@/lib/format";
import { isAwaitingApproval } from "@/lib/tool-catalogue";
import { formAction } from "@/server/actions/form-action";
import type { FormState } from "@/server/form-state";
import { DELAYED_NOTICE } from "@/server/propagation-notice";

export type DiscoverState = FormState & { successMessage?: string; awaitingMessage?: string };

const DiscoverFormSchema = z.object({ serverId: z.string().min(1).max(100) });

/**
 * "Connect & discover": connects to the server, stores and classifies its tools, tells the
 * proxies when anything changed, and reports what changed, including tools now blocked
 * until someone approves their new definition.
 */
export const discoverToolsAction = formAction({
  name: "discover-tools",
  access: "manage_servers",
  schema: DiscoverFormSchema,
  run: async ({ input: { serverId }, session, actor, services }): Promise<DiscoverState> => {
    const { db, env } = services;
    try {
      const { toolCount, changes, isPropagated } = await syncCatalogue({
        db,
        secretBox: services.secretBox,
        notify: services.notifyGrantChange,
        orgId: session.orgId,
        actor,
        serverId,
        allowStdio: env.GATEHOUSE_ALLOW_STDIO,
        allowPrivateNetworks: env.GATEHOUSE_ALLOW_PRIVATE_NETWORKS,
        timeoutMs: env.GATEHOUSE_UPSTREAM_TIMEOUT_MS,
      });
      // Counted from the catalogue, so a change found by an earlier sync and still unapproved is included.
      const tools = await listTools({ db, orgId: session.orgId, serverId });
      const awaiting = tools.filter(isAwaitingApproval).length;
      const summary = `${changes.added.length} added, ${changes.changed.length} changed, ${changes.removed.length} removed`;
      return {
        successMessage: `Found ${pluralize(toolCount, "tool")} (${summary}).${isPropagated ? "" : ` ${DELAYED_NOTICE}`}`,
        ...(awaiting
          ? { awaitingMessage: `${awaiting} changed — review them before agents can call them.` }
          : {}),
      };
    } finally {
      // Success and failure both change the server's status, so the page re-reads it either way.
      revalidatePath(`/servers/${serverId}`);
    }
  },
});
