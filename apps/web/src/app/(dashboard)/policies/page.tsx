import { listPolicies } from "@gatehouse/core/policies/list-policies";
import type { Metadata } from "next";
import Link from "next/link";
import { DashboardShell } from "@/components/layout/dashboard-shell";
import { PoliciesTable } from "@/components/policies/policies-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { primaryButtonClass } from "@/components/ui/styles";
import { can } from "@/server/auth/permissions";
import { requireSession } from "@/server/auth/session";
import { getServices } from "@/server/services";

export const metadata: Metadata = { title: "Policies" };

export default async function PoliciesPage() {
  const session = await requireSession();
  const policies = await listPolicies({ db: getServices().db, orgId: session.orgId });
  const newLink = can(session.role, "manage_policies") ? (
    <Link href="/policies/new" className={primaryButtonClass}>
      New policy
    </Link>
  ) : null;

  return (
    <DashboardShell session={session}>
      <PageHeader
        title="Policies"
        description="A policy decides which tools of one server an agent may call. Grants use a policy; editing it changes every grant that uses it from the next call."
        actions={policies.length ? newLink : null}
      />
      {policies.length ? (
        <PoliciesTable policies={policies} />
      ) : (
        <EmptyState title="No policies yet" action={newLink}>
          Create a policy for one of your servers: allow the tools an agent needs, deny or hide the rest. Then
          create a grant that uses it. (Creating a grant with its own policy makes one too.)
        </EmptyState>
      )}
    </DashboardShell>
  );
}
