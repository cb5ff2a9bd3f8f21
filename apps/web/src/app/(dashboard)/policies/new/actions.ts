"use server";

import { createPolicy } from "@gatehouse/core/policies/create-policy";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/server/actions/form-action";
import type { FormState } from "@/server/form-state";

const FIELDS = ["name", "serverId", "document", "comment"] as const;

const CreatePolicyFormSchema = z.object({
  name: z.string().default(""),
  serverId: z.string().default(""),
  document: z.string().default(""),
  comment: z.string().optional(),
});

/** Creates a policy (its version 1) and opens it. */
export const createPolicyAction = formAction({
  name: "create-policy",
  access: "manage_policies",
  schema: CreatePolicyFormSchema,
  fields: FIELDS,
  run: async ({ input: { comment, ...input }, session, actor, services }): Promise<FormState> => {
    const { policyId } = await createPolicy({
      db: services.db,
      orgId: session.orgId,
      actor,
      input: { ...input, ...(comment?.trim() ? { comment } : {}) },
    });
    revalidatePath("/policies");
    redirect(`/policies/${policyId}`);
  },
});
