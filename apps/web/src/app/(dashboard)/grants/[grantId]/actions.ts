"use server";

import { getGrant } from "@gatehouse/core/grants/get-grant";
import { revokeGrant } from "@gatehouse/core/grants/revoke-grant";
import { rotateGrantToken } from "@gatehouse/core/grants/rotate-grant-token";
import { setGrantExpiry } from "@gatehouse/core/grants/set-grant-expiry";
import { setGrantPolicy } from "@gatehouse/core/grants/set-grant-policy";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { IssuedGrant } from "@/components/grants/issued-grant-panel";
import { formAction } from "@/server/actions/form-action";
import type { FormState } from "@/server/form-state";
import { DELAYED_NOTICE } from "@/server/propagation-notice";
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
export const changeGrantPolicyAction = formAction({
  name: "set-grant-policy",
  access: "manage_grants",
  schema: ChangePolicyFormSchema,
  fields: ["policyId"],
  run: async ({ input, session, actor, services }): Promise<ChangePolicyState> => {
    const { db, notifyGrantChange } = services;
    const { isPropagated } = await setGrantPolicy({
      db,
      notify: notifyGrantChange,
      orgId: session.orgId,
      actor,
      ...input,
    });
    revalidateGrant(input.grantId);
    revalidatePath("/policies", "layout");
    return { isChanged: true, ...(isPropagated ? {} : { notice: DELAYED_NOTICE }) };
  },
});

/** Revokes the grant; its token stops working on the next call through any proxy. */
export const revokeGrantAction = formAction({
  name: "revoke-grant",
  access: "manage_grants",
  schema: RevokeFormSchema,
  run: async ({ input, session, actor, services }): Promise<FormState> => {
    const { db, notifyGrantChange } = services;
    const { isPropagated } = await revokeGrant({
      db,
      notify: notifyGrantChange,
      orgId: session.orgId,
      actor,
      grantId: input.grantId,
    });
    revalidateGrant(input.grantId);
    return isPropagated ? {} : { formError: DELAYED_NOTICE };
  },
});

/** Issues the grant a new token, shown this once; the old one works for the chosen grace period. */
export const rotateGrantTokenAction = formAction({
  name: "rotate-grant-token",
  access: "issue_grant_tokens",
  schema: RotateFormSchema,
  fields: ["gracePeriodSeconds"],
  run: async ({ input, session, actor, services }): Promise<RotateTokenState> => {
    const { db, env, notifyGrantChange } = services;
    const { grantId } = input;
    const { token, isPropagated } = await rotateGrantToken({
      db,
      notify: notifyGrantChange,
      orgId: session.orgId,
      actor,
      ...input,
    });
    const { name } = await getGrant({ db, orgId: session.orgId, grantId });
    revalidateGrant(grantId);
    return {
      issued: toIssuedGrant(env.GATEHOUSE_PROXY_PUBLIC_URL, { grantId, name, token }),
      ...(isPropagated ? {} : { notice: DELAYED_NOTICE }),
    };
  },
});

/** Sets or clears when the grant stops working; the proxies apply it on the next call. */
export const setGrantExpiryAction = formAction({
  name: "set-grant-expiry",
  access: "manage_grants",
  schema: ExpiryFormSchema,
  fields: ["expiresAt"],
  run: async ({ input, session, actor, services }): Promise<SetExpiryState> => {
    const { db, notifyGrantChange } = services;
    const { isPropagated } = await setGrantExpiry({
      db,
      notify: notifyGrantChange,
      orgId: session.orgId,
      actor,
      grantId: input.grantId,
      expiresAt: input.intent === "clear" ? null : input.expiresAt,
    });
    revalidateGrant(input.grantId);
    return { isSaved: true, ...(isPropagated ? {} : { notice: DELAYED_NOTICE }) };
  },
});

// The grant's page and the list both show what changed.
function revalidateGrant(grantId: string): void {
  revalidatePath(`/grants/${grantId}`);
  revalidatePath("/grants");
}
