import { roleLabel } from "@/components/layout/role-label";

// Owner is never offered: ownership moves only by transfer.
const ASSIGNABLE_ROLES = ["admin", "policy_manager", "viewer"] as const;

const ROLE_HINTS: Record<(typeof ASSIGNABLE_ROLES)[number], string> = {
  admin: "everything but transferring ownership",
  policy_manager: "policies, grants and approvals; never secrets or tokens",
  viewer: "reads the catalogue, policies and audit log",
};

/** The roles a member can be given, as <option>s with what each may do. */
export function RoleOptions({ withHints = false }: { withHints?: boolean }) {
  return ASSIGNABLE_ROLES.map((role) => (
    <option key={role} value={role}>
      {withHints ? `${roleLabel(role)}: ${ROLE_HINTS[role]}` : roleLabel(role)}
    </option>
  ));
}
