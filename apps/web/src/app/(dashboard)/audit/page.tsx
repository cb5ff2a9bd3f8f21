import { encodeAuditCursor } from "@gatehouse/core/audit/audit-cursor";
import { listAuditEvents } from "@gatehouse/core/audit/list-audit-events";
import { listGrants } from "@gatehouse/core/grants/list-grants";
import { listServers } from "@gatehouse/core/servers/list-servers";
import type { Metadata } from "next";
import Link from "next/link";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditLog } from "@/components/audit/audit-log";
import { DashboardShell } from "@/components/layout/dashboard-shell";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { secondaryButtonClass } from "@/components/ui/styles";
import { requireSession } from "@/server/auth/session";
import { getServices } from "@/server/services";
import { AuditNav } from "./audit-nav";
import { auditFilterQuery, readAuditSearch } from "./audit-search-params";

export const metadata: Metadata = { title: "Audit log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ searchParams }: Props) {
  const session = await requireSession();
  const filter = readAuditSearch(await searchParams);
  const { db } = getServices();
  const [{ events, nextCursor }, grants, servers] = await Promise.all([
    listAuditEvents({ db, orgId: session.orgId, filter }),
    listGrants({ db, orgId: session.orgId }),
    listServers({ db, orgId: session.orgId }),
  ]);
  const filterQuery = auditFilterQuery(filter);
  const isFiltered = filterQuery.size > 0 || Boolean(filter.before);
  const withQuery = (path: string, extra: Record<string, string> = {}) => {
    const query = new URLSearchParams([...filterQuery, ...Object.entries(extra)]);
    return query.size ? `${path}?${query}` : path;
  };
  const newest = events[0];

  return (
    <DashboardShell session={session}>
      <AuditNav />
      <PageHeader
        title="Audit log"
        description="Every call agents made through the proxy, newest first, with the decision and why. Open a call's time for everything recorded about it."
        actions={
          <>
            <a
              href={withQuery("/api/dashboard/audit-events/export", { format: "csv" })}
              className={secondaryButtonClass}
              download
            >
              Export CSV
            </a>
            <a
              href={withQuery("/api/dashboard/audit-events/export", { format: "ndjson" })}
              className={secondaryButtonClass}
              download
            >
              Export NDJSON
            </a>
          </>
        }
      />
      <AuditFilters
        // Its fields are uncontrolled: a new key resets them when a link (Clear filters) changes the URL.
        key={filterQuery.toString()}
        grants={grants.map((grant) => ({ id: grant.id, name: grant.name, serverName: grant.server.name }))}
        servers={servers.map((server) => ({ id: server.id, name: server.name }))}
        values={filter}
      />
      <AuditLog
        // A new filter or page is a new list: the tail starts again from what the server read.
        key={`${filterQuery}|${filter.before ?? ""}`}
        // Without the organisation, so rows read with the page look like those the tail adds.
        initialEvents={events.map(({ orgId: _orgId, ...event }) => event)}
        initialCursor={newest ? encodeAuditCursor(newest) : null}
        filterQuery={filterQuery.toString()}
        canTail={!filter.before}
        grantNames={Object.fromEntries(grants.map((grant) => [grant.id, grant.name]))}
        serverNames={Object.fromEntries(servers.map((server) => [server.id, server.name]))}
        emptyState={
          <EmptyState title={isFiltered ? "No matching calls" : "No calls yet"}>
            {isFiltered
              ? "No calls match these filters. Clear the filters to see every call."
              : "When an agent calls a tool through one of your grants' proxy URLs, the call and the policy decision appear here."}
          </EmptyState>
        }
      />
      <nav aria-label="Audit log pages" className="mt-4 flex justify-end gap-3">
        {filter.before ? (
          <Link href={withQuery("/audit")} className={secondaryButtonClass}>
            Newest
          </Link>
        ) : null}
        {nextCursor ? (
          <Link href={withQuery("/audit", { before: nextCursor })} className={secondaryButtonClass}>
            Older
          </Link>
        ) : null}
      </nav>
    </DashboardShell>
  );
}
