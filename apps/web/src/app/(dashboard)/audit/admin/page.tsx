import { listAdminEvents } from "@gatehouse/core/admin-trail/list-admin-events";
import type { Metadata } from "next";
import Link from "next/link";
import { DashboardShell } from "@/components/layout/dashboard-shell";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { secondaryButtonClass } from "@/components/ui/styles";
import { requireSession } from "@/server/auth/session";
import { getServices } from "@/server/services";
import { AuditNav } from "../audit-nav";
import { AdminEventFilters } from "./admin-event-filters";
import { AdminEventsTable } from "./admin-events-table";
import { adminTrailHref, readAdminSearch } from "./admin-search-params";

export const metadata: Metadata = { title: "Admin trail" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminTrailPage({ searchParams }: Props) {
  const session = await requireSession();
  const filter = readAdminSearch(await searchParams);
  const { events, nextCursor } = await listAdminEvents({
    db: getServices().db,
    orgId: session.orgId,
    filter,
  });
  const isFiltered = Boolean(filter.action || filter.actor || filter.before);

  return (
    <DashboardShell session={session}>
      <AuditNav />
      <PageHeader
        title="Admin trail"
        description="Every change made in the dashboard or through the API, newest first, and who made it."
      />
      <AdminEventFilters values={filter} />
      {events.length === 0 ? (
        <EmptyState title={isFiltered ? "No matching changes" : "No changes yet"}>
          {isFiltered
            ? "No changes match these filters. Clear the filters to see every change."
            : "When someone registers a server, saves a policy, creates or revokes a grant, or decides an approval, it appears here."}
        </EmptyState>
      ) : (
        <AdminEventsTable events={events} />
      )}
      <nav aria-label="Admin trail pages" className="mt-4 flex justify-end gap-3">
        {filter.before ? (
          <Link href={adminTrailHref(filter)} className={secondaryButtonClass}>
            Newest
          </Link>
        ) : null}
        {nextCursor ? (
          <Link href={adminTrailHref(filter, nextCursor)} className={secondaryButtonClass}>
            Older
          </Link>
        ) : null}
      </nav>
    </DashboardShell>
  );
}
