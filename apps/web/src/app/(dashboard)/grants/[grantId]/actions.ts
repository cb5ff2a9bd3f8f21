"use server";

import { revokeGrant } from "@gatehouse/core/grants/revoke-grant";
import { setGrantPolicy } from "@gatehouse/core/grants/set-grant-policy";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { assertCan } from "@/server/auth/permissions";
import { requireSession } from "@/server/auth/session";
import { sessionActor } from "@/server/auth/session-actor";
import { type FormState, toFormState } from "@/server/form-state";
import { DELAYED_NOTICE } from "@/server/propagation-notice";
import { getServices } from "@/server/services";

export type ChangePolicyState = FormState & { isChanged?: boolean; notice?: string };

const ChangePolicyFormSchema = z.object({
  grantId: z.string().min(1).max(100),
  policyId: z.string().default(""),
});
const RevokeFormSchema = z.object({ grantId: z.string().min(1).max(100) });

/** Moves the grant to another of its server's policies; the proxies apply it on the next call. */
export async function changeGrantPolicyAction(
  _previous: ChangePolicyState,
  formData: FormData,
): Promise<ChangePolicyState> {
  const session = await requireSession();
  const { db, notifyGrantChange, logger } = getServices();
  const { grantId, policyId } = ChangePolicyFormSchema.parse(Object.fromEntries(formData));
  try {
    assertCan(session, "manage_grants");
    const { isPropagated } = await setGrantPolicy({
      db,
      notify: notifyGrantChange,
      orgId: session.orgId,
      actor: sessionActor(session),
      grantId,
      policyId,
    });
    revalidatePath(`/grants/${grantId}`);
    revalidatePath("/grants");
    revalidatePath("/policies", "layout");
    return { isChanged: true, ...(isPropagated ? {} : { notice: DELAYED_NOTICE }) };
  } catch (error) {
    return toFormState(error, { fields: ["policyId"], logger, action: "set-grant-policy" });
  }
}

/** Revokes the grant; its token stops working on the next call through any proxy. */
export async function revokeGrantAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const session = await requireSession();
  const { db, notifyGrantChange, logger } = getServices();
  const { grantId } = RevokeFormSchema.parse(Object.fromEntries(formData));
  try {
    assertCan(session, "manage_grants");
    const { isPropagated } = await revokeGrant({
      db,
      notify: notifyGrantChange,
      orgId: session.orgId,
      actor: sessionActor(session),
      grantId,
    });
    revalidatePath(`/grants/${grantId}`);
    revalidatePath("/grants");
    return isPropagated ? {} : { formError: DELAYED_NOTICE };
  } catch (error) {
    return toFormState(error, { fields: [], logger, action: "revoke-grant" });
  }
}
