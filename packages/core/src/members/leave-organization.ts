import type { Db } from "@gatehouse/db/client";
import type { UserActor } from "../admin-trail/admin-actor";
import { endMembership } from "./end-membership";
import { assertNotOwner, findMembership } from "./member-access";

/** The acting user leaves the organisation, revoking the API keys they created in it. The owner must transfer first. */
export async function leaveOrganization(options: { db: Db; orgId: string; actor: UserActor }) {
  const { orgId, actor } = options;
  return options.db.$transaction(async (tx) => {
    const member = await findMembership(tx, { orgId, userId: actor.id });
    assertNotOwner(member, "You own this organisation. Transfer ownership to another member before leaving.");
    return endMembership(tx, { orgId, actor, action: "member.left", member });
  });
}
