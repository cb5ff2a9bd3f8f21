import { getGrant } from "@gatehouse/core/grants/get-grant";
import { listPolicies } from "@gatehouse/core/policies/list-policies";
import type { Metadata } from "next";
import Link from "next/link";
import { ConnectAgentSection } from "@/components/grants/connect-agent-section";
import { DashboardShell } from "@/components/layout/dashboard-shell";
import { PageHeader } from "@/components/ui/page-header";
import { cardClass, linkClass } from "@/components/ui/styles";
import { GRANT_TOKEN_PLACEHOLDER } from "@/lib/agent-config/agent-endpoint";
import { can } from "@/server/auth/permissions";
import { requireSession } from "@/server/auth/session";
import { orNotFound } from "@/server/or-not-found";
import { getServices } from "@/server/services";
import { toIssuedGrant } from "../issued-grant";
import { ChangePolicyForm } from "./change-policy-form";
import { ExpiryForm } from "./expiry-form";
import { GrantDetails } from "./grant-details";
import { RevokeGrantForm } from "./revoke-grant-form";
import { RotateTokenForm } from "./rotate-token-form";

export const metadata: Metadata = { title: "Grant" };

type Props = { params: Promise<{ grantId: string }> };

const sectionClass = `${cardClass} p-6`;
const headingClass = "mb-1 text-base font-semibold text-slate-900";

export default async function GrantPage({ params }: Props) {
  const session = await requireSession();
  const { grantId } = await params;
  const { db, env } = getServices();
  const grant = await orNotFound(getGrant({ db, orgId: session.orgId, grantId }));
  const now = new Date();
  const isRevoked = grant.revokedAt !== null;
  const canManage = can(session.role, "manage_grants") && !isRevoked;
  const canRotate = can(session.role, "issue_grant_tokens") && !isRevoked;
  const policies = canManage
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
        <div className="space-y-8">
          <section className={sectionClass} aria-labelledby="policy-heading">
            <h2 id="policy-heading" className={headingClass}>
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

          {isRevoked ? null : (
            <ConnectAgentSection
              endpoint={toIssuedGrant(env.GATEHOUSE_PROXY_PUBLIC_URL, {
                grantId: grant.id,
                name: grant.name,
                token: GRANT_TOKEN_PLACEHOLDER,
              })}
            />
          )}

          {canRotate ? (
            <section className={sectionClass} aria-labelledby="rotate-heading">
              <h2 id="rotate-heading" className={headingClass}>
                Rotate token
              </h2>
              <p className="mb-4 text-sm text-slate-600">
                Issues a new token and proxy URL, shown once. Choose how long the current token keeps working
                so the agent can be moved over first.
              </p>
              <RotateTokenForm grantId={grant.id} grantName={grant.name} />
            </section>
          ) : null}

          {canManage ? (
            <section className={sectionClass} aria-labelledby="expiry-heading">
              <h2 id="expiry-heading" className={headingClass}>
                Expiry
              </h2>
              <p className="mb-4 text-sm text-slate-600">
                After this time the grant's token is refused on every proxy, until the expiry is moved or
                removed.
              </p>
              <ExpiryForm grantId={grant.id} expiresAt={grant.expiresAt} />
            </section>
          ) : null}
        </div>

        <aside className="space-y-6">
          <GrantDetails grant={grant} now={now} />
          {can(session.role, "manage_grants") ? (
            <section className={sectionClass} aria-labelledby="revoke-heading">
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
