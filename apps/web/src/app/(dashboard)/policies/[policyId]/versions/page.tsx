import { diffLines } from "@gatehouse/core/policies/diff-lines";
import { getPolicy } from "@gatehouse/core/policies/get-policy";
import { listPolicyVersions } from "@gatehouse/core/policies/list-policy-versions";
import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { DashboardShell } from "@/components/layout/dashboard-shell";
import { LineDiff } from "@/components/ui/line-diff";
import { PageHeader } from "@/components/ui/page-header";
import { cardClass, linkClass } from "@/components/ui/styles";
import { formatDateTime } from "@/lib/format";
import { formatPolicyDocument } from "@/lib/policy-json";
import { can } from "@/server/auth/permissions";
import { requireSession } from "@/server/auth/session";
import { orNotFound } from "@/server/or-not-found";
import { getServices } from "@/server/services";
import { CompareForm } from "./compare-form";
import { RollbackForm } from "./rollback-form";

export const metadata: Metadata = { title: "Policy history" };

const versionParam = z.coerce.number().int().positive().optional().catch(undefined);
const SearchSchema = z.object({ from: versionParam, to: versionParam });

type Props = {
  params: Promise<{ policyId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function PolicyVersionsPage({ params, searchParams }: Props) {
  const session = await requireSession();
  const { policyId } = await params;
  const { db } = getServices();
  const [policy, versions] = await Promise.all([
    orNotFound(getPolicy({ db, orgId: session.orgId, policyId })),
    orNotFound(listPolicyVersions({ db, orgId: session.orgId, policyId })),
  ]);
  const search = SearchSchema.parse(await searchParams);
  // By default compare the current version with the one before it.
  const to = versions.find((v) => v.version === search.to) ?? versions[0];
  const from = versions.find((v) => v.version === search.from) ?? versions[1] ?? to;
  const canRollBack = can(session.role, "manage_policies");

  return (
    <DashboardShell session={session}>
      <PageHeader
        title={`History of ${policy.name}`}
        description={
          <Link href={`/policies/${policy.id}`} className={linkClass}>
            ← Back to the policy
          </Link>
        }
      />
      <section className={`${cardClass} mb-8 overflow-x-auto`} aria-label="Versions">
        <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="versions-table">
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-4 py-3">Version</th>
              <th className="px-4 py-3">Saved</th>
              <th className="px-4 py-3">By</th>
              <th className="px-4 py-3">Note</th>
              <th className="px-4 py-3" />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 align-top">
            {versions.map((version) => (
              <tr key={version.version} data-testid="version-row">
                <td className="px-4 py-3 tabular-nums">
                  v{version.version}
                  {version.version === policy.currentVersion ? (
                    <span className="ml-2 text-xs text-slate-500">current</span>
                  ) : null}
                </td>
                <td className="whitespace-nowrap px-4 py-3 text-slate-600">
                  {formatDateTime(version.createdAt)}
                </td>
                <td className="px-4 py-3">{version.createdBy?.name ?? "—"}</td>
                <td className="px-4 py-3 text-slate-700">{version.comment ?? ""}</td>
                <td className="px-4 py-3 text-right">
                  {canRollBack && version.version !== policy.currentVersion ? (
                    <RollbackForm policyId={policy.id} toVersion={version.version} />
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {from && to ? (
        <section aria-labelledby="diff-heading" className="space-y-3">
          <h2 id="diff-heading" className="text-lg font-semibold text-slate-900">
            Changes from version {from.version} to version {to.version}
          </h2>
          <CompareForm versions={versions.map((v) => v.version)} from={from.version} to={to.version} />
          <LineDiff
            testId="policy-diff"
            lines={diffLines(formatPolicyDocument(from.document), formatPolicyDocument(to.document))}
          />
        </section>
      ) : null}
    </DashboardShell>
  );
}
