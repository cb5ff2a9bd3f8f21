"use server";

import { createPolicy } from "@gatehouse/core/policies/create-policy";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { assertCan } from "@/server/auth/permissions";
import { requireSession } from "@/server/auth/session";
import { sessionActor } from "@/server/auth/session-actor";
import { type FormState, toFormState } from "@/server/form-state";
import { getServices } from "@/server/services";

const FIELDS = ["name", "serverId", "document", "comment"] as const;

const CreatePolicyFormSchema = z.object({
  name: z.string().default(""),
  serverId: z.string().default(""),
  document: z.string().default(""),
  comment: z.string().optional(),
});

/** Creates a policy (its version 1) and opens it. */
export async function createPolicyAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const session = await requireSession();
  const { db, logger } = getServices();
  let policyId: string;
  try {
    assertCan(session, "manage_policies");
    const { comment, ...input } = CreatePolicyFormSchema.parse(Object.fromEntries(formData));
    ({ policyId } = await createPolicy({
      db,
      orgId: session.orgId,
      actor: sessionActor(session),
      input: { ...input, ...(comment?.trim() ? { comment } : {}) },
    }));
  } catch (error) {
    return toFormState(error, { fields: FIELDS, logger, action: "create-policy" });
  }
  revalidatePath("/policies");
  redirect(`/policies/${policyId}`);
}
