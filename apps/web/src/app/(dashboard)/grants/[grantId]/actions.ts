"use server";

import { revokeGrant } from "@gatehouse/core/grants/revoke-grant";
import { updateGrantPolicy } from "@gatehouse/core/grants/update-grant-policy";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { assertCan } from "@/server/auth/permissions";
import { requireSession } from "@/server/auth/session";
import { type FormState, toFormState } from "@/server/form-state";
import { getServices } from "@/server/services";

export type PolicyEditorState = FormState & { savedVersion?: number; notice?: string };

// Shown when the change is saved but the proxies could not be told at once (Redis down).
const DELAYED_NOTICE =
  "Proxies could not be notified right away (Redis unavailable); they pick up the change when their cache expires, within a minute.";

const UpdatePolicyFormSchema = z.object({
  grantId: z.string().min(1).max(100),
  policy: z.string().default(""),
});
const RevokeFormSchema = z.object({ grantId: z.string().min(1).max(100) });

/** Saves an edited policy; the proxies are told, so the next call uses it. */
export async function updatePolicyAction(
  _previous: PolicyEditorState,
  formData: FormData,
): Promise<PolicyEditorState> {
  const session = await requireSession();
  const { db, notifyGrantChange, logger } = getServices();
  const { grantId, policy } = UpdatePolicyFormSchema.parse(Object.fromEntries(formData));
  try {
    assertCan(session, "manage_grants");
    const { policyVersion, isPropagated } = await updateGrantPolicy({
      db,
      notify: notifyGrantChange,
      orgId: session.orgId,
      grantId,
      policyText: policy,
    });
    revalidatePath(`/grants/${grantId}`);
    revalidatePath("/grants");
    return { savedVersion: policyVersion, ...(isPropagated ? {} : { notice: DELAYED_NOTICE }) };
  } catch (error) {
    return toFormState(error, { fields: ["policy"], logger, action: "update-grant-policy" });
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
      grantId,
    });
    revalidatePath(`/grants/${grantId}`);
    revalidatePath("/grants");
    return isPropagated ? {} : { formError: DELAYED_NOTICE };
  } catch (error) {
    return toFormState(error, { fields: [], logger, action: "revoke-grant" });
  }
}
