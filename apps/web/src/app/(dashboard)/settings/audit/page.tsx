import { getAuditRetention } from "@gatehouse/core/audit/get-audit-retention";
import {
  MAX_AUDIT_RETENTION_DAYS,
  MIN_AUDIT_RETENTION_DAYS,
} from "@gatehouse/core/audit/set-audit-retention";
import type { Metadata } from "next";
import { DashboardShell } from "@/components/layout/dashboard-shell";
import { PageHeader } from "@/components/ui/page-header";
import { cardClass } from "@/components/ui/styles";
import { can } from "@/server/auth/permissions";
import { requireSession } from "@/server/auth/session";
import { getServices } from "@/server/services";
import { SettingsNav } from "../settings-nav";
import { RetentionForm } from "./retention-form";

export const metadata: Metadata = { title: "Audit retention" };

export default async function AuditSettingsPage() {
  const session = await requireSession();
  const days = await getAuditRetention({ db: getServices().db, orgId: session.orgId });
  return (
    <DashboardShell session={session}>
      <SettingsNav />
      <PageHeader
        title="Audit retention"
        description="How long your organisation's audit log keeps each call. The worker deletes older calls on a schedule (hourly by default); they cannot be recovered, so export them first if you need them."
      />
      <section aria-label="Retention" className={`${cardClass} space-y-3 p-6`}>
        {can(session.role, "manage_audit_settings") ? (
          <RetentionForm days={days} minDays={MIN_AUDIT_RETENTION_DAYS} maxDays={MAX_AUDIT_RETENTION_DAYS} />
        ) : (
          <>
            <p className="text-sm text-slate-800" data-testid="audit-retention-days">
              Audit events are kept for {days} days.
            </p>
            <p role="note" className="text-sm text-slate-600">
              Only owners and admins of your organisation can change it.
            </p>
          </>
        )}
      </section>
    </DashboardShell>
  );
}
