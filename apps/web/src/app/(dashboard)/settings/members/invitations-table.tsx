import type { InvitationStatus } from "@gatehouse/core/invitations/invitation-status";
import type { listInvitations } from "@gatehouse/core/invitations/list-invitations";
import { roleLabel } from "@/components/layout/role-label";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { formatDateTime } from "@/lib/format";
import { ConfirmedMemberAction } from "./confirmed-member-action";
import { revokeInvitationAction } from "./invitation-actions";

type InvitationRow = Awaited<ReturnType<typeof listInvitations>>[number];

const STATUS_BADGES: Record<InvitationStatus, { tone: BadgeTone; label: string }> = {
  pending: { tone: "amber", label: "Pending" },
  accepted: { tone: "green", label: "Accepted" },
  expired: { tone: "slate", label: "Expired" },
  revoked: { tone: "red", label: "Revoked" },
};

/** Invitation links: who made each, for which role, and whether it is pending, used, expired or revoked. */
export function InvitationsTable({ invitations }: { invitations: InvitationRow[] }) {
  return (
    <DataTable
      columns={["Role", "Created", "Expires", "Status"]}
      testId="invitations-table"
      spacing="roomy"
      hasActions
    >
      {invitations.map((invitation) => {
        const badge = STATUS_BADGES[invitation.status];
        return (
          <tr key={invitation.id} data-testid="invitation-row">
            <td className="px-4 py-3 font-medium text-slate-900">{roleLabel(invitation.role)}</td>
            <td className="whitespace-nowrap px-4 py-3 text-slate-600">
              {formatDateTime(invitation.createdAt)}
              <div className="text-xs text-slate-500">by {invitation.createdBy.name}</div>
            </td>
            <td className="whitespace-nowrap px-4 py-3 text-slate-600">
              {formatDateTime(invitation.expiresAt)}
            </td>
            <td className="px-4 py-3">
              <Badge tone={badge.tone} testId="invitation-status">
                {badge.label}
              </Badge>
              {invitation.acceptedBy ? (
                <div className="mt-1 text-xs text-slate-500">
                  by {invitation.acceptedBy.name} ({invitation.acceptedBy.email})
                </div>
              ) : null}
            </td>
            <td className="px-4 py-3 text-right">
              {invitation.status === "pending" ? (
                <ConfirmedMemberAction
                  action={revokeInvitationAction}
                  fields={{ invitationId: invitation.id }}
                  label="Revoke"
                  question="Revoke this link? Anyone opening it is told it was revoked."
                  confirmLabel="Confirm revoke"
                  pendingText="Revoking…"
                />
              ) : null}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
