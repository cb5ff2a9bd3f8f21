import type { getGrant } from "@gatehouse/core/grants/get-grant";
import Link from "next/link";
import type { ReactNode } from "react";
import { GrantStatusBadge } from "@/components/grants/grant-status-badge";
import { ExpiresAt, LastUsed } from "@/components/grants/grant-times";
import { cardClass, linkClass } from "@/components/ui/styles";
import { formatDateTime } from "@/lib/format";

type Grant = Awaited<ReturnType<typeof getGrant>>;

/** A grant's facts: status, server, token (prefix, rotation, grace period), dates and its audit trail. */
export function GrantDetails({ grant, now }: { grant: Grant; now: Date }) {
  const graceEndsAt =
    grant.previousTokenExpiresAt && grant.previousTokenExpiresAt > now ? grant.previousTokenExpiresAt : null;
  return (
    <section className={`${cardClass} p-6`} aria-labelledby="details-heading">
      <h2 id="details-heading" className="mb-4 text-base font-semibold text-slate-900">
        Details
      </h2>
      <dl className="space-y-3 text-sm">
        <Detail term="Status">
          <span data-testid="grant-status">
            <GrantStatusBadge revokedAt={grant.revokedAt} expiresAt={grant.expiresAt} now={now} />
          </span>
        </Detail>
        {grant.revokedAt ? <Detail term="Revoked">{formatDateTime(grant.revokedAt)}</Detail> : null}
        <Detail term="Server">
          <Link href={`/servers/${grant.server.id}`} className={linkClass}>
            {grant.server.name}
          </Link>
        </Detail>
        <Detail term="Token">
          <code className="font-mono text-xs" data-testid="token-prefix">
            {grant.tokenPrefix}…
          </code>
          {grant.tokenRotatedAt ? (
            <span className="block text-xs text-slate-500">
              Rotated {formatDateTime(grant.tokenRotatedAt)}
            </span>
          ) : null}
          {graceEndsAt ? (
            <span className="block text-xs text-amber-800" data-testid="grace-period">
              Previous token accepted until {formatDateTime(graceEndsAt)}
            </span>
          ) : null}
        </Detail>
        <Detail term="Created">
          {formatDateTime(grant.createdAt)} by {grant.createdBy.name}
        </Detail>
        <Detail term="Last used">
          <span data-testid="last-used">
            <LastUsed at={grant.lastUsedAt} now={now} />
          </span>
        </Detail>
        <Detail term="Expires">
          <span data-testid="expires-at">
            <ExpiresAt at={grant.expiresAt} now={now} />
          </span>
        </Detail>
        <Detail term="Audit log">
          <Link href={`/audit?grantId=${encodeURIComponent(grant.id)}`} className={linkClass}>
            Calls made with this grant
          </Link>
        </Detail>
      </dl>
    </section>
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
