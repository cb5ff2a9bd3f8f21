"use server";

import { changeMemberRole } from "@gatehouse/core/members/change-member-role";
import { leaveOrganization } from "@gatehouse/core/members/leave-organization";
import { removeMember } from "@gatehouse/core/members/remove-member";
import { transferOwnership } from "@gatehouse/core/orgs/transfer-ownership";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { assertCan } from "@/server/auth/permissions";
import { requireSession } from "@/server/auth/session";
import { sessionActor } from "@/server/auth/session-actor";
import { type FormState, toFormState } from "@/server/form-state";
import { getServices } from "@/server/services";

const MEMBERS_PATH = "/settings/members";

const MemberFormSchema = z.object({ userId: z.string().min(1).max(100) });
const RoleFormSchema = MemberFormSchema.extend({ role: z.string().max(50).default("") });

/** Gives a member another role (never owner: that is a transfer). */
export async function changeMemberRoleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const session = await requireSession();
  const { db, logger } = getServices();
  try {
    assertCan(session, "manage_members");
    const { userId, role } = RoleFormSchema.parse(Object.fromEntries(formData));
    await changeMemberRole({ db, orgId: session.orgId, actor: sessionActor(session), userId, role });
    revalidatePath(MEMBERS_PATH);
    return {};
  } catch (error) {
    return toFormState(error, { fields: ["role"], logger, action: "change-member-role" });
  }
}

/** Removes a member and revokes the API keys they created in this organisation. */
export async function removeMemberAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const session = await requireSession();
  const { db, logger } = getServices();
  try {
    assertCan(session, "manage_members");
    const { userId } = MemberFormSchema.parse(Object.fromEntries(formData));
    await removeMember({ db, orgId: session.orgId, actor: sessionActor(session), userId });
    revalidatePath(MEMBERS_PATH);
    return {};
  } catch (error) {
    return toFormState(error, { fields: [], logger, action: "remove-member" });
  }
}

/** Hands the organisation to another member; the owner becomes an admin. */
export async function transferOwnershipAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const session = await requireSession();
  const { db, logger } = getServices();
  try {
    assertCan(session, "transfer_ownership");
    const { userId } = MemberFormSchema.parse(Object.fromEntries(formData));
    await transferOwnership({ db, orgId: session.orgId, actor: sessionActor(session), userId });
    revalidatePath(MEMBERS_PATH);
    return {};
  } catch (error) {
    return toFormState(error, { fields: ["userId"], logger, action: "transfer-ownership" });
  }
}

/**
 * The signed-in user leaves the active organisation. Every member may leave, except the
 * owner (core refuses); the browser then falls back to another organisation of theirs.
 */
export async function leaveOrganizationAction(_previous: FormState, _formData: FormData): Promise<FormState> {
  const session = await requireSession();
  const { db, logger } = getServices();
  try {
    await leaveOrganization({ db, orgId: session.orgId, actor: sessionActor(session) });
  } catch (error) {
    return toFormState(error, { fields: [], logger, action: "leave-organization" });
  }
  redirect("/servers");
}
