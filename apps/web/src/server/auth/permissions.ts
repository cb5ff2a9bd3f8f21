import { GatehouseError } from "@gatehouse/core/errors/gatehouse-error";
import type { Role } from "@gatehouse/db/models";

/** What a dashboard user can do beyond reading their organisation's data. */
export type Permission =
  | "manage_servers"
  | "manage_grants"
  | "issue_grant_tokens"
  | "manage_policies"
  | "approve_tool_changes"
  | "decide_approvals"
  | "manage_webhooks"
  | "manage_audit_settings"
  | "manage_members"
  | "transfer_ownership";

const ROLES_ALLOWED: Record<Permission, readonly Role[]> = {
  manage_servers: ["owner", "admin"],
  manage_grants: ["owner", "admin", "policy_manager"],
  // Creating a grant or rotating its token shows the token, and a token is a credential:
  // policy managers edit and revoke grants but never see one.
  issue_grant_tokens: ["owner", "admin"],
  manage_policies: ["owner", "admin", "policy_manager"],
  // Accepting a changed tool definition is a policy decision: it lets agents call it again.
  approve_tool_changes: ["owner", "admin", "policy_manager"],
  // Deciding a held call is applying policy by hand, which is the policy manager's job.
  decide_approvals: ["owner", "admin", "policy_manager"],
  manage_webhooks: ["owner", "admin"],
  // Shortening retention deletes history for good, so it is kept to owners and admins.
  manage_audit_settings: ["owner", "admin"],
  // Admins invite and remove members and change roles, but never an owner's: see core/members.
  manage_members: ["owner", "admin"],
  transfer_ownership: ["owner"],
};

/** True when the role may perform the action; pages use it to hide controls. */
export function can(role: Role, permission: Permission): boolean {
  return ROLES_ALLOWED[permission].includes(role);
}

/** Throws forbidden unless the role may perform the action; server actions call it before any write. */
export function assertCan(session: { role: Role }, permission: Permission): void {
  if (!can(session.role, permission)) {
    throw new GatehouseError(
      "forbidden",
      "Your role does not allow this. Ask an owner or admin of your organisation.",
    );
  }
}
