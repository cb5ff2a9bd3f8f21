import { readFileSync } from "node:fs";
import type { Role } from "@gatehouse/db/models";
import { describe, expect, it } from "vitest";
import { API_KEY_ROLE, canManageApiKeys } from "@/server/api/api-key-role";
import { can, type Permission } from "@/server/auth/permissions";

const SECURITY_MD = new URL("../../../SECURITY.md", import.meta.url);
const START = "<!-- permission-matrix:start -->";
const END = "<!-- permission-matrix:end -->";
const ROLES: readonly Role[] = ["owner", "admin", "policy_manager", "viewer"];

// A Record, so a new permission fails to compile until it is described here (and so in SECURITY.md).
const DESCRIPTIONS: Record<Permission, string> = {
  manage_servers: "Register servers, discover their tools and replace their credentials",
  manage_grants: "Change a grant's policy and expiry, and revoke grants",
  issue_grant_tokens: "Create grants and rotate their tokens (which shows the token)",
  manage_policies: "Create policies, save versions, apply recommendations and roll back",
  approve_tool_changes: "Approve a changed tool definition so agents can call it again",
  decide_approvals: "Approve or deny calls held for approval",
  manage_webhooks: "Set up, enable, test, rotate the secret of and delete the webhook",
  manage_audit_settings: "Change how long audit events are kept",
  manage_members: "Invite and remove members and change their roles",
  transfer_ownership: "Hand the organisation to another member",
};

const mark = (isAllowed: boolean) => (isAllowed ? "✓" : "—");

/** The permission matrix as SECURITY.md must show it, from the same tables the server enforces. */
function renderPermissionMatrix(): string {
  const header = `| Permission | ${ROLES.join(" | ")} | API key |`;
  const divider = `|${" --- |".repeat(ROLES.length + 2)}`;
  const rows = (Object.entries(DESCRIPTIONS) as [Permission, string][]).map(
    ([permission, description]) =>
      `| \`${permission}\`: ${description} | ${ROLES.map((role) => mark(can(role, permission))).join(" | ")} | ${mark(can(API_KEY_ROLE, permission))} |`,
  );
  // Keys cannot mint keys: there is no API endpoint for it, whatever the key's role.
  const apiKeys = `| Create and revoke API keys | ${ROLES.map((role) => mark(canManageApiKeys(role))).join(" | ")} | — |`;
  return [header, divider, ...rows, apiKeys].join("\n");
}

// The formatter pads the table's columns to line up; the cells are what must match.
function normalize(table: string): string {
  return table
    .trim()
    .split("\n")
    .map((line) =>
      line
        .split("|")
        .map((cell) => cell.trim().replace(/^-+$/, "---"))
        .join("|"),
    )
    .join("\n");
}

describe("SECURITY.md", () => {
  it("shows the permission matrix the server enforces", () => {
    const text = readFileSync(SECURITY_MD, "utf8");
    const start = text.indexOf(START);
    const end = text.indexOf(END);
    expect(start, `SECURITY.md needs the markers ${START} and ${END}`).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
    const shown = normalize(text.slice(start + START.length, end));
    const expected = renderPermissionMatrix();
    expect(
      shown,
      `SECURITY.md's permission matrix is out of date; put this between the markers:\n\n${expected}\n`,
    ).toBe(normalize(expected));
  });
});
