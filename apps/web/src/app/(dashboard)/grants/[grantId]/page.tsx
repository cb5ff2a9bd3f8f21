import { getGrant } from "@gatehouse/core/grants/get-grant";
import { listPolicies } from "@gatehouse/core/policies/list-policies";
import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { GrantStatusBadge } from "@/components/grants/grant-status-badge";
import { DashboardShell } from "@/components/layout/dashboard-shell";
import { PageHeader } from "@/components/ui/page-header";
import { cardClass, linkClass } from "@/components/ui/styles";
import { formatDateTime } from "@/lib/format";
import { can } from "@/server/auth/permissions";
import { requireSession } from "@/server/auth/session";
import { orNotFound } from "@/server/or-not-found";
import { getServices } from "@/server/services";
import { ChangePolicyForm } from "./change-policy-form";
import { RevokeGrantForm } from "./revoke-grant-form";

export const metadata: Metadata = { title: "Grant" };

type Props = { params: Promise<{ grantId: string }> };

export default async function GrantPage({ params }: Props) {
  const session = await requireSession();
  const { grantId } = await params;
  const { db } = getServices();
  const grant = await orNotFound(getGrant({ db, orgId: session.orgId, grantId }));
  const isRevoked = grant.revokedAt !== null;
  const canManage = can(session.role, "manage_grants");
  const policies =
    canManage && !isRevoked
      ? await listPolicies({ db, orgId: session.orgId, serverId: grant.server.id })
      : [];

  return (
    <DashboardShell session={session}>
      <PageHeader
        title={grant.name}
        description={
          <Link href="/grants" className={linkClass}>
            ← All grants
          </Link>
        }
      />
      <div className="grid gap-8 lg:grid-cols-[1fr_20rem]">
        <section className={`${cardClass} p-6`} aria-labelledby="policy-heading">
          <h2 id="policy-heading" className="mb-1 text-base font-semibold text-slate-900">
            Policy
          </h2>
          <p className="mb-4 text-sm text-slate-700">
            This grant follows{" "}
            <Link href={`/policies/${grant.policy.id}`} className={linkClass} data-testid="grant-policy">
              {grant.policy.name}
            </Link>{" "}
            <span className="text-slate-500" data-testid="policy-version">
              (version {grant.policy.currentVersion})
            </span>
            . Edits to that policy apply to this agent from its next call.
          </p>
          {isRevoked ? (
            <p className="text-sm text-slate-600">
              This grant is revoked, so its policy can no longer change.
            </p>
          ) : canManage ? (
            <ChangePolicyForm
              grantId={grant.id}
              currentPolicyId={grant.policy.id}
              policies={policies.map(({ id, name, currentVersion }) => ({ id, name, currentVersion }))}
            />
          ) : null}
        </section>

        <aside className="space-y-6">
          <section className={`${cardClass} p-6`} aria-labelledby="details-heading">
            <h2 id="details-heading" className="mb-4 text-base font-semibold text-slate-900">
              Details
            </h2>
            <dl className="space-y-3 text-sm">
              <Detail term="Status">
                <span data-testid="grant-status">
                  <GrantStatusBadge revokedAt={grant.revokedAt} />
                </span>
              </Detail>
              {grant.revokedAt ? <Detail term="Revoked">{formatDateTime(grant.revokedAt)}</Detail> : null}
              <Detail term="Server">
                <Link href={`/servers/${grant.server.id}`} className={linkClass}>
                  {grant.server.name}
                </Link>
              </Detail>
              <Detail term="Token">
                <code className="font-mono text-xs">{grant.tokenPrefix}…</code>
              </Detail>
              <Detail term="Created">
                {formatDateTime(grant.createdAt)} by {grant.createdBy.name}
              </Detail>
              <Detail term="Audit log">
                <Link href={`/audit?grantId=${encodeURIComponent(grant.id)}`} className={linkClass}>
                  Calls made with this grant
                </Link>
              </Detail>
            </dl>
          </section>

          {canManage ? (
            <section className={`${cardClass} p-6`} aria-labelledby="revoke-heading">
              <h2 id="revoke-heading" className="mb-2 text-base font-semibold text-slate-900">
                Revoke
              </h2>
              {isRevoked ? (
                <p className="text-sm text-slate-600" data-testid="grant-revoked">
                  This grant is revoked. Its URL and token no longer work.
                </p>
              ) : (
                <>
                  <p className="mb-4 text-sm text-slate-600">
                    Stops this agent's URL and token from working, on every proxy, from the next call.
                  </p>
                  <RevokeGrantForm grantId={grant.id} grantName={grant.name} />
                </>
              )}
            </section>
          ) : null}
        </aside>
      </div>
    </DashboardShell>
  );
}

function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{term}</dt>
      <dd className="mt-0.5 text-slate-900">{children}</dd>
    </div>
  );
}
