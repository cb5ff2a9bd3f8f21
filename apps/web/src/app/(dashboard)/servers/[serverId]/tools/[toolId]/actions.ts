"use server";

import { approveToolChange } from "@gatehouse/core/catalogue/approve-tool-change";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { assertCan } from "@/server/auth/permissions";
import { requireSession } from "@/server/auth/session";
import { sessionActor } from "@/server/auth/session-actor";
import { type FormState, toFormState } from "@/server/form-state";
import { DELAYED_NOTICE } from "@/server/propagation-notice";
import { getServices } from "@/server/services";

export type ApproveToolState = FormState & { successMessage?: string };

const ApproveFormSchema = z.object({
  serverId: z.string().min(1).max(100),
  toolId: z.string().min(1).max(100),
});

/** Accepts a changed tool's current definition, so the proxy lets agents call it again. */
export async function approveToolChangeAction(
  _previous: ApproveToolState,
  formData: FormData,
): Promise<ApproveToolState> {
  const session = await requireSession();
  const { db, notifyGrantChange, logger } = getServices();
  const { serverId, toolId } = ApproveFormSchema.parse(Object.fromEntries(formData));
  try {
    assertCan(session, "approve_tool_changes");
    const { isPropagated } = await approveToolChange({
      db,
      notify: notifyGrantChange,
      orgId: session.orgId,
      toolId,
      actor: sessionActor(session),
    });
    revalidatePath(`/servers/${serverId}`, "layout");
    return {
      successMessage: `Approved the new definition: agents whose policy allows this tool can call it again.${isPropagated ? "" : ` ${DELAYED_NOTICE}`}`,
    };
  } catch (error) {
    return toFormState(error, { fields: [], logger, action: "approve-tool-change" });
  }
}
