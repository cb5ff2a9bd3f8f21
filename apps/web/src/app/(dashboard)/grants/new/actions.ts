"use server";

import { createGrant } from "@gatehouse/core/grants/create-grant";
import { buildProxyUrl } from "@gatehouse/core/grants/grant-token";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { assertCan } from "@/server/auth/permissions";
import { requireSession } from "@/server/auth/session";
import { type FormState, toFormState } from "@/server/form-state";
import { getServices } from "@/server/services";

/** Shown once, right after creation: the token is not stored and cannot be shown again. */
export type IssuedGrant = {
  grantId: string;
  name: string;
  token: string;
  proxyUrl: string;
  bearerUrl: string;
};

export type CreateGrantState = FormState & { issued?: IssuedGrant };

const FIELDS = ["name", "serverId", "policy"] as const;

const CreateGrantFormSchema = z.object({
  name: z.string().default(""),
  serverId: z.string().default(""),
  policy: z.string().default(""),
});

/** Creates a grant and returns its token this one time, as a proxy URL and as a Bearer header. */
export async function createGrantAction(
  _previous: CreateGrantState,
  formData: FormData,
): Promise<CreateGrantState> {
  const session = await requireSession();
  const { db, env, logger } = getServices();
  try {
    assertCan(session, "manage_grants");
    const input = CreateGrantFormSchema.parse(Object.fromEntries(formData));
    const { grantId, token } = await createGrant({
      db,
      orgId: session.orgId,
      actorId: session.userId,
      input,
    });
    revalidatePath("/grants");
    revalidatePath(`/servers/${input.serverId}`);
    const proxyUrl = buildProxyUrl(env.GATEHOUSE_PROXY_PUBLIC_URL, token);
    const bearerUrl = `${env.GATEHOUSE_PROXY_PUBLIC_URL.replace(/\/+$/, "")}/mcp`;
    return { issued: { grantId, name: input.name.trim(), token, proxyUrl, bearerUrl } };
  } catch (error) {
    return toFormState(error, { fields: FIELDS, logger, action: "create-grant" });
  }
}
