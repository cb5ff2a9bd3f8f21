"use server";

import { createApiKey } from "@gatehouse/core/api-keys/create-api-key";
import { revokeApiKey } from "@gatehouse/core/api-keys/revoke-api-key";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/server/actions/form-action";
import type { FormState } from "@/server/form-state";

const PAGE_PATH = "/settings/api-keys";

/** Shown once, right after creation: only the key's hash is stored, so it cannot be shown again. */
export type IssuedApiKey = { apiKeyId: string; name: string; key: string };

export type CreateApiKeyState = FormState & { issued?: IssuedApiKey };

const CreateFormSchema = z.object({ name: z.string().max(1000).default("") });
const RevokeFormSchema = z.object({ apiKeyId: z.string().min(1).max(100) });

/** Creates an API key for the organisation and returns it this one time. */
export const createApiKeyAction = formAction({
  name: "create-api-key",
  access: "manage_api_keys",
  schema: CreateFormSchema,
  fields: ["name"],
  run: async ({ input: { name }, session, actor, services }): Promise<CreateApiKeyState> => {
    const { apiKeyId, key } = await createApiKey({ db: services.db, orgId: session.orgId, actor, name });
    revalidatePath(PAGE_PATH);
    return { issued: { apiKeyId, name: name.trim(), key } };
  },
});

/** Revokes an API key; the next request made with it is refused. */
export const revokeApiKeyAction = formAction({
  name: "revoke-api-key",
  access: "manage_api_keys",
  schema: RevokeFormSchema,
  run: async ({ input, session, actor, services }) => {
    await revokeApiKey({ db: services.db, orgId: session.orgId, actor, apiKeyId: input.apiKeyId });
    revalidatePath(PAGE_PATH);
    return {};
  },
});
