import { listTools } from "@gatehouse/core/catalogue/list-tools";
import { getPolicy } from "@gatehouse/core/policies/get-policy";
import type { Metadata } from "next";
import Link from "next/link";
import { DashboardShell } from "@/components/layout/dashboard-shell";
import { PolicyGrants } from "@/components/policies/policy-grants";
import { PageHeader } from "@/components/ui/page-header";
import { linkClass, secondaryButtonClass } from "@/components/ui/styles";
import { formatDateTime } from "@/lib/format";
import { formatPolicyDocument } from "@/lib/policy-json";
import { can } from "@/server/auth/permissions";
import { requireSession } from "@/server/auth/session";
import { orNotFound } from "@/server/or-not-found";
import { toEditorCatalogue } from "@/server/policies/load-catalogue";
import { diffWithRecommendation } from "@/server/policies/recommend-for-catalogue";
import { getServices } from "@/server/services";
import { PolicyWorkbench } from "./policy-workbench";

export const metadata: Metadata = { title: "Policy" };

type Props = { params: Promise<{ policyId: string }> };

export default async function PolicyPage({ params }: Props) {
  const session = await requireSession();
  const { policyId } = await params;
  const { db } = getServices();
  const policy = await orNotFound(getPolicy({ db, orgId: session.orgId, policyId }));
  const tools = await listTools({ db, orgId: session.orgId, serverId: policy.server.id });
  const catalogue = toEditorCatalogue(tools);
  const recommendation = {
    diff: diffWithRecommendation(policy.document, tools),
    toolCount: catalogue.length,
  };

  return (
    <DashboardShell session={session}>
      <PageHeader
        title={policy.name}
        description={
          <>
            <Link href="/policies" className={linkClass}>
              ← All policies
            </Link>{" "}
            · for{" "}
            <Link href={`/servers/${policy.server.id}`} className={linkClass}>
              {policy.server.name}
            </Link>{" "}
            · <span data-testid="policy-version">Version {policy.currentVersion}</span>, saved{" "}
            {formatDateTime(policy.updatedAt)}
          </>
        }
        actions={
          <Link href={`/policies/${policy.id}/versions`} className={secondaryButtonClass}>
            History
          </Link>
        }
      />
      <PolicyWorkbench
        policyId={policy.id}
        version={policy.currentVersion}
        document={formatPolicyDocument(policy.document)}
        catalogue={catalogue}
        recommendation={recommendation}
        canEdit={can(session.role, "manage_policies")}
        sidebar={<PolicyGrants serverId={policy.server.id} grants={policy.grants} />}
      />
    </DashboardShell>
  );
}
