"use server";

import { discoverTools } from "@gatehouse/core/catalogue/discover-tools";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { pluralize } from "@/lib/format";
import { assertCan } from "@/server/auth/permissions";
import { requireSession } from "@/server/auth/session";
import { type FormState, toFormState } from "@/server/form-state";
import { getServices } from "@/server/services";

export type DiscoverState = FormState & { successMessage?: string };

const DiscoverFormSchema = z.object({ serverId: z.string().min(1).max(100) });

/** "Connect & discover": connects to the server, stores its tools and reports what changed. */
export async function discoverToolsAction(
  _previous: DiscoverState,
  formData: FormData,
): Promise<DiscoverState> {
  const session = await requireSession();
  const { db, secretBox, env, logger } = getServices();
  const { serverId } = DiscoverFormSchema.parse(Object.fromEntries(formData));
  try {
    assertCan(session, "manage_servers");
    const { toolCount, changes } = await discoverTools({
      db,
      secretBox,
      orgId: session.orgId,
      serverId,
      allowStdio: env.GATEHOUSE_ALLOW_STDIO,
      timeoutMs: env.GATEHOUSE_UPSTREAM_TIMEOUT_MS,
    });
    const summary = `${changes.added.length} added, ${changes.changed.length} changed, ${changes.removed.length} removed`;
    return { successMessage: `Found ${pluralize(toolCount, "tool")} (${summary}).` };
  } catch (error) {
    return toFormState(error, { fields: [], logger, action: "discover-tools" });
  } finally {
    // Success and failure both change the server's status, so the page re-reads it either way.
    revalidatePath(`/servers/${serverId}`);
  }
}
