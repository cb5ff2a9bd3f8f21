"use server";

import { parseInput } from "@gatehouse/core/errors/field-errors";
import { disconnectUpstreamOAuth } from "@gatehouse/core/upstream-auth/disconnect-upstream-oauth";
import { startUpstreamAuthorization } from "@gatehouse/core/upstream-auth/start-upstream-authorization";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { assertCan } from "@/server/auth/permissions";
import { requireSession } from "@/server/auth/session";
import { sessionActor } from "@/server/auth/session-actor";
import { type FormState, toFormState } from "@/server/form-state";
import { oauthCallbackUrl } from "@/server/servers/oauth-callback-url";
import { getServices } from "@/server/services";

const ServerFormSchema = z.object({ serverId: z.string().min(1).max(100) });
const ConnectFormSchema = ServerFormSchema.extend({
  // Empty inputs mean "register Gatehouse dynamically".
  clientId: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || undefined),
  clientSecret: z
    .string()
    .optional()
    .transform((value) => value || undefined),
});

/** "Connect": sends the browser to the upstream's authorization server; the callback route finishes. */
export async function connectOAuthAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const session = await requireSession();
  const { db, secretBox, env, logger } = getServices();
  let authorizationUrl: string;
  try {
    const form = parseInput(ConnectFormSchema, Object.fromEntries(formData));
    assertCan(session, "manage_servers");
    ({ authorizationUrl } = await startUpstreamAuthorization({
      db,
      secretBox,
      orgId: session.orgId,
      actor: sessionActor(session),
      serverId: form.serverId,
      redirectUri: await oauthCallbackUrl(),
      ...(form.clientId ? { clientId: form.clientId } : {}),
      ...(form.clientSecret ? { clientSecret: form.clientSecret } : {}),
      policy: { allowPrivateNetworks: env.GATEHOUSE_ALLOW_PRIVATE_NETWORKS },
      timeoutMs: env.GATEHOUSE_UPSTREAM_TIMEOUT_MS,
    }));
  } catch (error) {
    return toFormState(error, { fields: ["clientId", "clientSecret"], logger, action: "connect-oauth" });
  }
  redirect(authorizationUrl);
}

/** Forgets the server's OAuth tokens; agents' calls fail clearly until someone connects again. */
export async function disconnectOAuthAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const session = await requireSession();
  const { db, logger } = getServices();
  const { serverId } = ServerFormSchema.parse(Object.fromEntries(formData));
  try {
    assertCan(session, "manage_servers");
    await disconnectUpstreamOAuth({ db, orgId: session.orgId, actor: sessionActor(session), serverId });
    revalidatePath(`/servers/${serverId}`);
    return {};
  } catch (error) {
    return toFormState(error, { fields: [], logger, action: "disconnect-oauth" });
  }
}
