"use server";

import { listTools } from "@gatehouse/core/catalogue/list-tools";
import { syncCatalogue } from "@gatehouse/core/catalogue/sync-catalogue";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { pluralize } from "@/lib/format";
import { isAwaitingApproval } from "@/lib/tool-catalogue";
import { assertCan } from "@/server/auth/permissions";
import { requireSession } from "@/server/auth/session";
import { sessionActor } from "@/server/auth/session-actor";
import { type FormState, toFormState } from "@/server/form-state";
import { DELAYED_NOTICE } from "@/server/propagation-notice";
import { getServices } from "@/server/services";

export type DiscoverState = FormState & { successMessage?: string; awaitingMessage?: string };

const DiscoverFormSchema = z.object({ serverId: z.string().min(1).max(100) });

/**
 * "Connect & discover": connects to the server, stores and classifies its tools, tells the
 * proxies when anything changed, and reports what changed, including tools now blocked
 * until someone approves their new definition.
 */
export async function discoverToolsAction(
  _previous: DiscoverState,
  formData: FormData,
): Promise<DiscoverState> {
  const session = await requireSession();
  const { db, secretBox, env, logger, notifyGrantChange } = getServices();
  const { serverId } = DiscoverFormSchema.parse(Object.fromEntries(formData));
  try {
    assertCan(session, "manage_servers");
    const { toolCount, changes, isPropagated } = await syncCatalogue({
      db,
      secretBox,
      notify: notifyGrantChange,
      orgId: session.orgId,
      actor: sessionActor(session),
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
  } catch (error) {
    return toFormState(error, { fields: [], logger, action: "discover-tools" });
  } finally {
    // Success and failure both change the server's status, so the page re-reads it either way.
    revalidatePath(`/servers/${serverId}`);
  }
}
