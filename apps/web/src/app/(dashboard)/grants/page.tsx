import { listGrants } from "@gatehouse/core/grants/list-grants";
import type { Metadata } from "next";
import Link from "next/link";
import { GrantsTable } from "@/components/grants/grants-table";
import { DashboardShell } from "@/components/layout/dashboard-shell";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { primaryButtonClass } from "@/components/ui/styles";
import { can } from "@/server/auth/permissions";
import { requireSession } from "@/server/auth/session";
import { getServices } from "@/server/services";

export const metadata: Metadata = { title: "Grants" };

export default async function GrantsPage() {
  const session = await requireSession();
  const grants = await listGrants({ db: getServices().db, orgId: session.orgId });
  const createLink = can(session.role, "issue_grant_tokens") ? (
    <Link href="/grants/new" className={primaryButtonClass}>
      Create grant
    </Link>
  ) : null;

  return (
    <DashboardShell session={session}>
      <PageHeader
        title="Grants"
        description="Each grant is one agent's credential for one server, with the policy that decides what it may call."
        actions={grants.length ? createLink : null}
      />
      {grants.length ? (
        <GrantsTable grants={grants} />
      ) : (
        <EmptyState title="No grants yet" action={createLink}>
          Create a grant to give an agent its own URL to one of your servers. Its policy denies every tool
          until you allow some.
        </EmptyState>
      )}
    </DashboardShell>
  );
}
