"use server";

import { createOrganization } from "@gatehouse/core/orgs/create-organization";
import { listUserOrganizations } from "@gatehouse/core/orgs/list-user-organizations";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/server/actions/form-action";
import { writeActiveOrgId } from "@/server/auth/active-org-cookie";
import type { FormState } from "@/server/form-state";

// Switching lands on a list page: the current page's ids belong to the organisation left behind.
const AFTER_SWITCH_PATH = "/servers";

const SwitchFormSchema = z.object({ orgId: z.string().min(1).max(100) });
const CreateFormSchema = z.object({ name: z.string().max(1000).default("") });

/**
 * Makes another of the user's organisations active in this browser. Any member may switch to
 * an organisation they belong to; the membership is checked here and again on every request.
 */
export const switchOrganizationAction = formAction({
  name: "switch-organization",
  access: "any member",
  schema: SwitchFormSchema,
  run: async ({ input, session, services }): Promise<FormState> => {
    const organizations = await listUserOrganizations({ db: services.db, userId: session.userId });
    if (!organizations.some((organization) => organization.orgId === input.orgId)) {
      return {
        formError:
          "You are not a member of that organisation. Reload the page to see the organisations you belong to.",
      };
    }
    await writeActiveOrgId(input.orgId);
    redirect(AFTER_SWITCH_PATH);
  },
});

/** Creates an organisation owned by the user and switches this browser to it. Any signed-in user may. */
export const createOrganizationAction = formAction({
  name: "create-organization",
  access: "any member",
  schema: CreateFormSchema,
  fields: ["name"],
  run: async ({ input, actor, services }): Promise<FormState> => {
    const { orgId } = await createOrganization({ db: services.db, actor, input });
    await writeActiveOrgId(orgId);
    redirect(AFTER_SWITCH_PATH);
  },
});
