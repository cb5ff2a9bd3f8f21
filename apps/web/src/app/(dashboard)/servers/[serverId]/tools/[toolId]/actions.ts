"use server";

import { approveToolChange } from "@gatehouse/core/catalogue/approve-tool-change";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/server/actions/form-action";
import type { FormState } from "@/server/form-state";
import { DELAYED_NOTICE } from "@/server/propagation-notice";

export type ApproveToolState = FormState & { successMessage?: string };

const ApproveFormSchema = z.object({
  serverId: z.string().min(1).max(100),
  toolId: z.string().min(1).max(100),
});

/** Accepts a changed tool's current definition, so the proxy lets agents call it again. */
export const approveToolChangeAction = formAction({
  name: "approve-tool-change",
  access: "approve_tool_changes",
  schema: ApproveFormSchema,
  run: async ({ input, session, actor, services }): Promise<ApproveToolState> => {
    const { isPropagated } = await approveToolChange({
      db: services.db,
      notify: services.notifyGrantChange,
      orgId: session.orgId,
      toolId: input.toolId,
      actor,
    });
    revalidatePath(`/servers/${input.serverId}`, "layout");
    return {
      successMessage: `Approved the new definition: agents whose policy allows this tool can call it again.${isPropagated ? "" : ` ${DELAYED_NOTICE}`}`,
    };
  },
});
