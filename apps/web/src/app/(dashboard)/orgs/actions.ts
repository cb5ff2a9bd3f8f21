"use server";

import { createOrganization } from "@gatehouse/core/orgs/create-organization";
import { listUserOrganizations } from "@gatehouse/core/orgs/list-user-organizations";
import { redirect } from "next/navigation";
import { z } from "zod";
import { writeActiveOrgId } from "@/server/auth/active-org-cookie";
import { requireSession } from "@/server/auth/session";
import { sessionActor } from "@/server/auth/session-actor";
import { type FormState, toFormState } from "@/server/form-state";
import { getServices } from "@/server/services";

// Switching lands on a list page: the current page's ids belong to the organisation left behind.
const AFTER_SWITCH_PATH = "/servers";

const SwitchFormSchema = z.object({ orgId: z.string().min(1).max(100) });
const CreateFormSchema = z.object({ name: z.string().max(1000).default("") });

/**
 * Makes another of the user's organisations active in this browser. Any member may switch to
 * an organisation they belong to; the membership is checked here and again on every request.
 */
export async function switchOrganizationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const session = await requireSession();
  const { db, logger } = getServices();
  try {
    const { orgId } = SwitchFormSchema.parse(Object.fromEntries(formData));
    const organizations = await listUserOrganizations({ db, userId: session.userId });
    if (!organizations.some((organization) => organization.orgId === orgId)) {
      return {
        formError:
          "You are not a member of that organisation. Reload the page to see the organisations you belong to.",
      };
    }
    await writeActiveOrgId(orgId);
  } catch (error) {
    return toFormState(error, { fields: [], logger, action: "switch-organization" });
  }
  redirect(AFTER_SWITCH_PATH);
}

/** Creates an organisation owned by the user and switches this browser to it. Any signed-in user may. */
export async function createOrganizationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const session = await requireSession();
  const { db, logger } = getServices();
  try {
    const { name } = CreateFormSchema.parse(Object.fromEntries(formData));
    const { orgId } = await createOrganization({ db, actor: sessionActor(session), input: { name } });
    await writeActiveOrgId(orgId);
  } catch (error) {
    return toFormState(error, { fields: ["name"], logger, action: "create-organization" });
  }
  redirect(AFTER_SWITCH_PATH);
}
