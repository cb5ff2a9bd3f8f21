import type { Metadata } from "next";
import { DashboardShell } from "@/components/layout/dashboard-shell";
import { PageHeader } from "@/components/ui/page-header";
import { loadApprovalInbox } from "@/server/approvals/load-approval-inbox";
import { requireSession } from "@/server/auth/session";
import { getServices } from "@/server/services";
import { ApprovalsInbox } from "./approvals-inbox";

export const metadata: Metadata = { title: "Approvals" };

export default async function ApprovalsPage() {
  const session = await requireSession();
  const inbox = await loadApprovalInbox(getServices(), session);
  return (
    <DashboardShell session={session}>
      <PageHeader
        title="Approvals"
        description="Calls your policies hold until a person approves or denies them. The agent waits for the answer; this page updates by itself."
      />
      <ApprovalsInbox initial={inbox} />
    </DashboardShell>
  );
}
