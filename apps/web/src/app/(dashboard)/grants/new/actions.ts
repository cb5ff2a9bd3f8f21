"use server";

import { GatehouseError } from "@gatehouse/core/errors/gatehouse-error";
import { createGrant } from "@gatehouse/core/grants/create-grant";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { IssuedGrant } from "@/components/grants/issued-grant-panel";
import { formAction } from "@/server/actions/form-action";
import type { FormState } from "@/server/form-state";
import { ExpiryFormValueSchema } from "../expiry-form-value";
import { toIssuedGrant } from "../issued-grant";

export type CreateGrantState = FormState & { issued?: IssuedGrant };

const FIELDS = ["name", "serverId", "policy", "policyId", "expiresAt"] as const;

// "existing" uses one of the server's policies; "new" writes one for this grant.
const CreateGrantFormSchema = z
  .object({
    name: z.string().default(""),
    serverId: z.string().default(""),
    policySource: z.enum(["existing", "new"]).default("new"),
    policyId: z.string().default(""),
    policy: z.string().default(""),
    expiresAt: ExpiryFormValueSchema,
  })
  .transform(({ policySource, policyId, policy, ...rest }) =>
    policySource === "existing" ? { ...rest, policyId } : { ...rest, policy },
  );

/**
 * Creates a grant under an existing policy or a new one written here, optionally expiring, and
 * returns its token this one time, as a proxy URL and as a Bearer header.
 */
export const createGrantAction = formAction({
  name: "create-grant",
  access: "issue_grant_tokens",
  schema: CreateGrantFormSchema,
  fields: FIELDS,
  run: async ({ input, session, actor, services }): Promise<CreateGrantState> => {
    if ("policyId" in input && input.policyId === "") {
      throw new GatehouseError("invalid_input", "Choose a policy.", {
        fieldErrors: [
          { field: "policyId", message: "Choose one of this server's policies, or write a new one." },
        ],
      });
    }
    const { grantId, token } = await createGrant({ db: services.db, orgId: session.orgId, actor, input });
    revalidatePath("/grants");
    revalidatePath("/policies");
    revalidatePath(`/servers/${input.serverId}`);
    const issued = { grantId, name: input.name.trim(), token };
    return { issued: toIssuedGrant(services.env.GATEHOUSE_PROXY_PUBLIC_URL, issued) };
  },
});
