import type { Role } from "@gatehouse/db/models";

const ROLE_LABELS: Record<Role, string> = {
  owner: "Owner",
  admin: "Admin",
  policy_manager: "Policy manager",
  viewer: "Viewer",
};

/** A role as people read it, e.g. "Policy manager". */
export function roleLabel(role: Role): string {
  return ROLE_LABELS[role];
}
