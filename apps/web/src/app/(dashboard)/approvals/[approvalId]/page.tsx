import type { Metadata } from "next";
import Link from "next/link";
import { DashboardShell } from "@/components/layout/dashboard-shell";
import { PageHeader } from "@/components/ui/page-header";
import { linkClass } from "@/components/ui/styles";
import { loadApprovalDetail } from "@/server/approvals/load-approval-detail";
import { requireSession } from "@/server/auth/session";
import { orNotFound } from "@/server/or-not-found";
import { getServices } from "@/server/services";
import { ApprovalDetailLive } from "./approval-detail-live";

export const metadata: Metadata = { title: "Approval request" };

type Props = { params: Promise<{ approvalId: string }> };

export default async function ApprovalPage({ params }: Props) {
  const session = await requireSession();
  const { approvalId } = await params;
  const detail = await orNotFound(loadApprovalDetail(getServices(), session, approvalId));
  return (
    <DashboardShell session={session}>
      <PageHeader
        title="Approval request"
        description={
          <Link href="/approvals" className={linkClass}>
            ← All approvals
          </Link>
        }
      />
      <ApprovalDetailLive initial={detail} />
    </DashboardShell>
  );
}
