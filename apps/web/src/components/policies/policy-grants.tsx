import Link from "next/link";
import { GrantStatusBadge } from "@/components/grants/grant-status-badge";
import { cardClass, linkClass } from "@/components/ui/styles";

type GrantSummary = { id: string; name: string; revokedAt: Date | null };

/** The grants that follow a policy (so whoever edits it sees whom it affects). */
export function PolicyGrants({ serverId, grants }: { serverId: string; grants: GrantSummary[] }) {
  return (
    <aside className={`${cardClass} h-fit p-6`} aria-labelledby="grants-heading">
      <h2 id="grants-heading" className="mb-3 text-base font-semibold text-slate-900">
        Grants using this policy
      </h2>
      {grants.length ? (
        <ul className="space-y-2 text-sm" data-testid="policy-grants">
          {grants.map((grant) => (
            <li key={grant.id} className="flex items-center justify-between gap-2">
              <Link href={`/grants/${grant.id}`} className={linkClass}>
                {grant.name}
              </Link>
              <GrantStatusBadge revokedAt={grant.revokedAt} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">
          No grant uses it yet. Choose it when you{" "}
          <Link href={`/grants/new?serverId=${encodeURIComponent(serverId)}`} className={linkClass}>
            create a grant
          </Link>
          .
        </p>
      )}
    </aside>
  );
}
