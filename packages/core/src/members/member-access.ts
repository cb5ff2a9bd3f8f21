import type { Prisma, Role } from "@gatehouse/db/models";
import { z } from "zod";
import { GatehouseError } from "../errors/gatehouse-error";

type Tx = Pick<Prisma.TransactionClient, "membership">;

// The roles that manage members, as the dashboard's manage_members permission says. Core checks
// them again, in the same transaction as the change, because the rules about owners depend on
// who is acting and an actor removed a moment ago must not still act.
const MEMBER_MANAGER_ROLES: readonly Role[] = ["owner", "admin"];

/** A role someone can be given by invitation or a role change: never owner, which moves only by transfer. */
export const AssignableRoleSchema = z.enum(["admin", "policy_manager", "viewer"], {
  error: "Choose admin, policy manager or viewer. Ownership moves only by transferring it.",
});
export type AssignableRole = z.infer<typeof AssignableRoleSchema>;

/** A person's membership of the organisation; another organisation's member is "not found". */
export async function findMembership(tx: Tx, options: { orgId: string; userId: string }) {
  const membership = await tx.membership.findUnique({
    where: { userId_orgId: { userId: options.userId, orgId: options.orgId } },
    include: { user: { select: { name: true, email: true } } },
  });
  if (!membership) {
    throw new GatehouseError("not_found", "No such member in this organisation. Reload the members page.");
  }
  return membership;
}

/** The acting user's role, when it lets them manage members of the organisation; forbidden otherwise. */
export async function requireMemberManager(tx: Tx, options: { orgId: string; actorId: string }) {
  const actor = await tx.membership.findUnique({
    where: { userId_orgId: { userId: options.actorId, orgId: options.orgId } },
    select: { role: true },
  });
  if (!actor || !MEMBER_MANAGER_ROLES.includes(actor.role)) {
    throw new GatehouseError("forbidden", "Only owners and admins can manage members. Ask one of them.");
  }
  return actor.role;
}

/** Refuses to change or remove the owner other than by transferring ownership. */
export function assertNotOwner(membership: { role: Role }, whatToDo: string): void {
  if (membership.role === "owner") throw new GatehouseError("forbidden", whatToDo);
}
