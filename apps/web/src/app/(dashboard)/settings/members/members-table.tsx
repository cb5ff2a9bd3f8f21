import type { listMembers } from "@gatehouse/core/members/list-members";
import { roleLabel } from "@/components/layout/role-label";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { formatDateTime } from "@/lib/format";
import { ConfirmedMemberAction } from "./confirmed-member-action";
import { leaveOrganizationAction, removeMemberAction } from "./member-actions";
import { MemberRoleForm } from "./member-role-form";

type MemberRow = Awaited<ReturnType<typeof listMembers>>[number];

/**
 * The organisation's members. Owners and admins change roles and remove members (never the
 * owner's: that moves only by transfer); everyone else reads the list and may leave.
 */
export function MembersTable(props: { members: MemberRow[]; currentUserId: string; canManage: boolean }) {
  return (
    <DataTable
      columns={["Name", "Email", "Role", "Joined"]}
      testId="members-table"
      spacing="roomy"
      hasActions
    >
      {props.members.map((member) => {
        const isYou = member.userId === props.currentUserId;
        const isEditable = props.canManage && member.role !== "owner";
        return (
          <tr key={member.userId} data-testid="member-row">
            <td className="px-4 py-3 font-medium text-slate-900">
              {member.name}
              {isYou ? <span className="ml-2 text-xs font-normal text-slate-500">(you)</span> : null}
            </td>
            <td className="px-4 py-3 text-slate-600">{member.email}</td>
            <td className="px-4 py-3" data-testid="member-role">
              {isEditable ? (
                <MemberRoleForm userId={member.userId} name={member.name} role={member.role} />
              ) : (
                <Badge tone={member.role === "owner" ? "indigo" : "slate"}>{roleLabel(member.role)}</Badge>
              )}
            </td>
            <td className="whitespace-nowrap px-4 py-3 text-slate-600">{formatDateTime(member.joinedAt)}</td>
            <td className="px-4 py-3 text-right">
              <MemberRowAction member={member} isYou={isYou} canManage={props.canManage} />
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}

function MemberRowAction({
  member,
  isYou,
  canManage,
}: {
  member: MemberRow;
  isYou: boolean;
  canManage: boolean;
}) {
  if (member.role === "owner") return null;
  if (isYou) {
    return (
      <ConfirmedMemberAction
        action={leaveOrganizationAction}
        fields={{}}
        label="Leave"
        question="Leave this organisation? You lose access at once, and API keys you created here are revoked."
        confirmLabel="Confirm leave"
        pendingText="Leaving…"
      />
    );
  }
  if (!canManage) return null;
  return (
    <ConfirmedMemberAction
      action={removeMemberAction}
      fields={{ userId: member.userId }}
      label="Remove"
      question={
        <>
          Remove <strong>{member.name}</strong>? They lose access at once, and every API key they created in
          this organisation is revoked.
        </>
      }
      confirmLabel="Confirm remove"
      pendingText="Removing…"
    />
  );
}
