"use server";

import { changeMemberRole } from "@gatehouse/core/members/change-member-role";
import { leaveOrganization } from "@gatehouse/core/members/leave-organization";
import { removeMember } from "@gatehouse/core/members/remove-member";
import { transferOwnership } from "@gatehouse/core/orgs/transfer-ownership";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/server/actions/form-action";
import type { FormState } from "@/server/form-state";

const MEMBERS_PATH = "/settings/members";

const MemberFormSchema = z.object({ userId: z.string().min(1).max(100) });
const RoleFormSchema = MemberFormSchema.extend({ role: z.string().max(50).default("") });

/** Gives a member another role (never owner: that is a transfer). */
export const changeMemberRoleAction = formAction({
  name: "change-member-role",
  access: "manage_members",
  schema: RoleFormSchema,
  fields: ["role"],
  run: async ({ input, session, actor, services }) => {
    await changeMemberRole({ db: services.db, orgId: session.orgId, actor, ...input });
    revalidatePath(MEMBERS_PATH);
    return {};
  },
});

/** Removes a member and revokes the API keys they created in this organisation. */
export const removeMemberAction = formAction({
  name: "remove-member",
  access: "manage_members",
  schema: MemberFormSchema,
  run: async ({ input, session, actor, services }) => {
    await removeMember({ db: services.db, orgId: session.orgId, actor, userId: input.userId });
    revalidatePath(MEMBERS_PATH);
    return {};
  },
});

/** Hands the organisation to another member; the owner becomes an admin. */
export const transferOwnershipAction = formAction({
  name: "transfer-ownership",
  access: "transfer_ownership",
  schema: MemberFormSchema,
  fields: ["userId"],
  run: async ({ input, session, actor, services }) => {
    await transferOwnership({ db: services.db, orgId: session.orgId, actor, userId: input.userId });
    revalidatePath(MEMBERS_PATH);
    return {};
  },
});

/**
 * The signed-in user leaves the active organisation. Every member may leave, except the
 * owner (core refuses); the browser then falls back to another organisation of theirs.
 */
export const leaveOrganizationAction = formAction({
  name: "leave-organization",
  access: "any member",
  schema: z.object({}),
  run: async ({ session, actor, services }): Promise<FormState> => {
    await leaveOrganization({ db: services.db, orgId: session.orgId, actor });
    redirect("/servers");
  },
});
