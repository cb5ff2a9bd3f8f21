"use server";

import { createApiKey } from "@gatehouse/core/api-keys/create-api-key";
import { revokeApiKey } from "@gatehouse/core/api-keys/revoke-api-key";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { assertCanManageApiKeys } from "@/server/api/api-key-role";
import { requireSession } from "@/server/auth/session";
import { sessionActor } from "@/server/auth/session-actor";
import { type FormState, toFormState } from "@/server/form-state";
import { getServices } from "@/server/services";

const PAGE_PATH = "/settings/api-keys";

/** Shown once, right after creation: only the key's hash is stored, so it cannot be shown again. */
export type IssuedApiKey = { apiKeyId: string; name: string; key: string };

export type CreateApiKeyState = FormState & { issued?: IssuedApiKey };

const CreateFormSchema = z.object({ name: z.string().max(1000).default("") });
const RevokeFormSchema = z.object({ apiKeyId: z.string().min(1).max(100) });

/** Creates an API key for the organisation and returns it this one time. */
export async function createApiKeyAction(
  _previous: CreateApiKeyState,
  formData: FormData,
): Promise<CreateApiKeyState> {
  const session = await requireSession();
  const { db, logger } = getServices();
  try {
    assertCanManageApiKeys(session);
    const { name } = CreateFormSchema.parse(Object.fromEntries(formData));
    const { apiKeyId, key } = await createApiKey({
      db,
      orgId: session.orgId,
      actor: sessionActor(session),
      name,
    });
    revalidatePath(PAGE_PATH);
    return { issued: { apiKeyId, name: name.trim(), key } };
  } catch (error) {
    return toFormState(error, { fields: ["name"], logger, action: "create-api-key" });
  }
}

/** Revokes an API key; the next request made with it is refused. */
export async function revokeApiKeyAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const session = await requireSession();
  const { db, logger } = getServices();
  try {
    assertCanManageApiKeys(session);
    const { apiKeyId } = RevokeFormSchema.parse(Object.fromEntries(formData));
    await revokeApiKey({ db, orgId: session.orgId, actor: sessionActor(session), apiKeyId });
    revalidatePath(PAGE_PATH);
    return {};
  } catch (error) {
    return toFormState(error, { fields: [], logger, action: "revoke-api-key" });
  }
}
