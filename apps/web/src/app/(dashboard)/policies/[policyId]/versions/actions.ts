"use server";

import { rollbackPolicy } from "@gatehouse/core/policies/rollback-policy";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { assertCan } from "@/server/auth/permissions";
import { requireSession } from "@/server/auth/session";
import { sessionActor } from "@/server/auth/session-actor";
import { type FormState, toFormState } from "@/server/form-state";
import { DELAYED_NOTICE } from "@/server/propagation-notice";
import { getServices } from "@/server/services";

export type RollbackState = FormState & { savedVersion?: number; notice?: string };

const RollbackFormSchema = z.object({
  policyId: z.string().min(1).max(100),
  toVersion: z.coerce.number().int().positive(),
});

/** Saves an earlier version's document as the newest version; history itself never changes. */
export async function rollbackPolicyAction(
  _previous: RollbackState,
  formData: FormData,
): Promise<RollbackState> {
  const session = await requireSession();
  const { db, notifyGrantChange, logger } = getServices();
  const { policyId, toVersion } = RollbackFormSchema.parse(Object.fromEntries(formData));
  try {
    assertCan(session, "manage_policies");
    const { version, isPropagated } = await rollbackPolicy({
      db,
      notify: notifyGrantChange,
      orgId: session.orgId,
      actor: sessionActor(session),
      policyId,
      toVersion,
    });
    revalidatePath(`/policies/${policyId}`, "layout");
    revalidatePath("/policies");
    return { savedVersion: version, ...(isPropagated ? {} : { notice: DELAYED_NOTICE }) };
  } catch (error) {
    return toFormState(error, { fields: [], logger, action: "rollback-policy" });
  }
}
