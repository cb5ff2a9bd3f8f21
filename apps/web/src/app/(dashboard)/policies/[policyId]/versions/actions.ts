"use server";

import { rollbackPolicy } from "@gatehouse/core/policies/rollback-policy";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/server/actions/form-action";
import type { FormState } from "@/server/form-state";
import { DELAYED_NOTICE } from "@/server/propagation-notice";

export type RollbackState = FormState & { savedVersion?: number; notice?: string };

const RollbackFormSchema = z.object({
  policyId: z.string().min(1).max(100),
  toVersion: z.coerce.number().int().positive(),
});

/** Saves an earlier version's document as the newest version; history itself never changes. */
export const rollbackPolicyAction = formAction({
  name: "rollback-policy",
  access: "manage_policies",
  schema: RollbackFormSchema,
  run: async ({ input, session, actor, services }): Promise<RollbackState> => {
    const { version, isPropagated } = await rollbackPolicy({
      db: services.db,
      notify: services.notifyGrantChange,
      orgId: session.orgId,
      actor,
      ...input,
    });
    revalidatePath(`/policies/${input.policyId}`, "layout");
    revalidatePath("/policies");
    return { savedVersion: version, ...(isPropagated ? {} : { notice: DELAYED_NOTICE }) };
  },
});
