import { listInvitations } from "@gatehouse/core/invitations/list-invitations";
import { listMembers } from "@gatehouse/core/members/list-members";
import type { Metadata } from "next";
import { DashboardShell } from "@/components/layout/dashboard-shell";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/server/auth/permissions";
import { requireSession } from "@/server/auth/session";
import { getServices } from "@/server/services";
import { SettingsNav } from "../settings-nav";
import { InvitationsTable } from "./invitations-table";
import { InviteMemberForm } from "./invite-member-form";
import { MembersTable } from "./members-table";
import { TransferOwnershipForm } from "./transfer-ownership-form";

export const metadata: Metadata = { title: "Members" };

const sectionHeadingClass = "mb-3 text-base font-semibold text-slate-900";

/** Everyone reads the member list; owners and admins invite, change roles and remove; the owner transfers. */
export default async function MembersPage() {
  const session = await requireSession();
  const { db } = getServices();
  const canManage = can(session.role, "manage_members");
  const canTransfer = can(session.role, "transfer_ownership");
  const [members, invitations] = await Promise.all([
    listMembers({ db, orgId: session.orgId }),
    // Pending links are credentials in waiting, so only those who may revoke them see them.
    canManage ? listInvitations({ db, orgId: session.orgId }) : Promise.resolve([]),
  ]);
  const candidates = members.filter((member) => member.userId !== session.userId);
  return (
    <DashboardShell session={session}>
      <SettingsNav />
      <PageHeader
        title="Members"
        description={`Who can use ${session.orgName}, and with which role. Invite people by a single-use link.`}
      />
      <div className="space-y-8">
        <MembersTable members={members} currentUserId={session.userId} canManage={canManage} />
        {canManage ? (
          <section aria-labelledby="invite-heading">
            <h2 id="invite-heading" className={sectionHeadingClass}>
              Invite a member
            </h2>
            <InviteMemberForm />
          </section>
        ) : null}
        {canManage ? (
          <section aria-labelledby="invitations-heading">
            <h2 id="invitations-heading" className={sectionHeadingClass}>
              Invitation links
            </h2>
            {invitations.length === 0 ? (
              <EmptyState title="No invitations yet">Links you create above are listed here.</EmptyState>
            ) : (
              <InvitationsTable invitations={invitations} />
            )}
          </section>
        ) : null}
        {canTransfer && candidates.length > 0 ? (
          <section aria-labelledby="transfer-heading">
            <h2 id="transfer-heading" className={sectionHeadingClass}>
              Transfer ownership
            </h2>
            <TransferOwnershipForm candidates={candidates} />
          </section>
        ) : null}
      </div>
    </DashboardShell>
  );
}
