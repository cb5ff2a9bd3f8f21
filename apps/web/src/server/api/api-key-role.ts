import { GatehouseError } from "@gatehouse/core/errors/gatehouse-error";
import type { Role } from "@gatehouse/db/models";
import { can, type Permission } from "../auth/permissions";

/** The role an API key acts with: whatever an admin may do through the dashboard, it may do through the API. */
export const API_KEY_ROLE: Role = "admin";

// Every permission, listed so a new one cannot be forgotten: the Record type fails to
// compile until it is added here.
const ALL_PERMISSIONS: Record<Permission, true> = {
  manage_servers: true,
  manage_grants: true,
  issue_grant_tokens: true,
  manage_policies: true,
  approve_tool_changes: true,
  decide_approvals: true,
  manage_webhooks: true,
  manage_audit_settings: true,
  manage_members: true,
  transfer_ownership: true,
};

/**
 * True when a person may create and revoke API keys: only someone who may do
 * everything a key can do, so minting a key never raises anyone's privileges.
 */
export function canManageApiKeys(role: Role): boolean {
  return (Object.keys(ALL_PERMISSIONS) as Permission[]).every(
    (permission) => !can(API_KEY_ROLE, permission) || can(role, permission),
  );
}

/** Throws forbidden unless the role may manage API keys; the settings page and its actions call it. */
export function assertCanManageApiKeys(session: { role: Role }): void {
  if (!canManageApiKeys(session.role)) {
    throw new GatehouseError("forbidden", "Only owners and admins of your organisation can manage API keys.");
  }
}
