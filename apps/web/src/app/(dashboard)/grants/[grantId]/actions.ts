"use server";

import { getGrant } from "@gatehouse/core/grants/get-grant";
import { revokeGrant } from "@gatehouse/core/grants/revoke-grant";
import { rotateGrantToken } from "@gatehouse/core/grants/rotate-grant-token";
import { setGrantExpiry } from "@gatehouse/core/grants/set-grant-expiry";
import { setGrantPolicy } from "@gatehouse/core/grants/set-grant-policy";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { IssuedGrant } from "@/components/grants/issued-grant-panel";
import { assertCan } from "@/server/auth/permissions";
import { requireSession } from "@/server/auth/session";
import { sessionActor } from "@/server/auth/session-actor";
import { type FormState, toFormState } from "@/server/form-state";
import { DELAYED_NOTICE } from "@/server/propagation-notice";
import { getServices } from "@/server/services";
import { ExpiryFormValueSchema } from "../expiry-form-value";
import { toIssuedGrant } from "../issued-grant";

export type ChangePolicyState = FormState & { isChanged?: boolean; notice?: string };

const ChangePolicyFormSchema = z.object({
  grantId: z.string().min(1).max(100),
  policyId: z.string().default(""),
});
const RevokeFormSchema = z.object({ grantId: z.string().min(1).max(100) });
const RotateFormSchema = z.object({
  grantId: z.string().min(1).max(100),
  gracePeriodSeconds: z.coerce.number().default(0),
});
// "clear" removes the expiry whatever the field holds.
const ExpiryFormSchema = z.object({
  grantId: z.string().min(1).max(100),
  intent: z.enum(["save", "clear"]).default("save"),
  expiresAt: ExpiryFormValueSchema,
});

export type RotateTokenState = FormState & { issued?: IssuedGrant; notice?: string };
export type SetExpiryState = FormState & { isSaved?: boolean; notice?: string };

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

/** Issues the grant a new token, shown this once; the old one works for the chosen grace period. */
export async function rotateGrantTokenAction(
  _previous: RotateTokenState,
  formData: FormData,
): Promise<RotateTokenState> {
  const session = await requireSession();
  const { db, env, notifyGrantChange, logger } = getServices();
  const { grantId, gracePeriodSeconds } = RotateFormSchema.parse(Object.fromEntries(formData));
  try {
    assertCan(session, "issue_grant_tokens");
    const { token, isPropagated } = await rotateGrantToken({
      db,
      notify: notifyGrantChange,
      orgId: session.orgId,
      actor: sessionActor(session),
      grantId,
      gracePeriodSeconds,
    });
    const { name } = await getGrant({ db, orgId: session.orgId, grantId });
    revalidatePath(`/grants/${grantId}`);
    revalidatePath("/grants");
    return {
      issued: toIssuedGrant(env.GATEHOUSE_PROXY_PUBLIC_URL, { grantId, name, token }),
      ...(isPropagated ? {} : { notice: DELAYED_NOTICE }),
    };
  } catch (error) {
    return toFormState(error, { fields: ["gracePeriodSeconds"], logger, action: "rotate-grant-token" });
  }
}

/** Sets or clears when the grant stops working; the proxies apply it on the next call. */
export async function setGrantExpiryAction(
  _previous: SetExpiryState,
  formData: FormData,
): Promise<SetExpiryState> {
  const session = await requireSession();
  const { db, notifyGrantChange, logger } = getServices();
  const { grantId, intent, expiresAt } = ExpiryFormSchema.parse(Object.fromEntries(formData));
  try {
    assertCan(session, "manage_grants");
    const { isPropagated } = await setGrantExpiry({
      db,
      notify: notifyGrantChange,
      orgId: session.orgId,
      actor: sessionActor(session),
      grantId,
      expiresAt: intent === "clear" ? null : expiresAt,
    });
    revalidatePath(`/grants/${grantId}`);
    revalidatePath("/grants");
    return { isSaved: true, ...(isPropagated ? {} : { notice: DELAYED_NOTICE }) };
  } catch (error) {
    return toFormState(error, { fields: ["expiresAt"], logger, action: "set-grant-expiry" });
  }
}
