import { AuditFilterSchema, listAuditEvents } from "@gatehouse/core/audit/list-audit-events";
import { listGrants } from "@gatehouse/core/grants/list-grants";
import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { DashboardShell } from "@/components/layout/dashboard-shell";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { secondaryButtonClass } from "@/components/ui/styles";
import { requireSession } from "@/server/auth/session";
import { getServices } from "@/server/services";

export const metadata: Metadata = { title: "Audit log" };

// An empty form field arrives as "", which means "no filter"; an invalid value is ignored the same way.
const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
const AuditSearchSchema = z.object({
  grantId: z.preprocess(blankToUndefined, AuditFilterSchema.shape.grantId).catch(undefined),
  tool: z.preprocess(blankToUndefined, AuditFilterSchema.shape.tool).catch(undefined),
  decision: z.preprocess(blankToUndefined, AuditFilterSchema.shape.decision).catch(undefined),
  before: z.preprocess(blankToUndefined, AuditFilterSchema.shape.before).catch(undefined),
});

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ searchParams }: Props) {
  const session = await requireSession();
  const filter = AuditSearchSchema.parse(await searchParams);
  const { db } = getServices();
  const [{ events, nextCursor }, grants] = await Promise.all([
    listAuditEvents({ db, orgId: session.orgId, filter }),
    listGrants({ db, orgId: session.orgId }),
  ]);
  const grantNames = new Map(grants.map((grant) => [grant.id, grant.name]));
  const isFiltered = Boolean(filter.grantId || filter.tool || filter.decision);
  const pageLink = (before?: string) => {
    const query = new URLSearchParams();
    for (const key of ["grantId", "tool", "decision"] as const) {
      const value = filter[key];
      if (value) query.set(key, value);
    }
    if (before) query.set("before", before);
    return query.size ? `/audit?${query}` : "/audit";
  };

  return (
    <DashboardShell session={session}>
      <PageHeader
        title="Audit log"
        description="Every call agents made through the proxy, newest first, with the decision and why."
      />
      <AuditFilters
        grants={grants.map((grant) => ({ id: grant.id, name: grant.name, serverName: grant.server.name }))}
        values={filter}
      />
      {events.length === 0 ? (
        <EmptyState title={isFiltered || filter.before ? "No matching calls" : "No calls yet"}>
          {isFiltered || filter.before
            ? "No calls match these filters. Clear the filters to see every call."
            : "When an agent calls a tool through one of your grants' proxy URLs, the call and the policy decision appear here."}
        </EmptyState>
      ) : (
        <AuditTable events={events} grantNames={grantNames} />
      )}
      <nav aria-label="Audit log pages" className="mt-4 flex justify-end gap-3">
        {filter.before ? (
          <Link href={pageLink()} className={secondaryButtonClass}>
            Newest
          </Link>
        ) : null}
        {nextCursor ? (
          <Link href={pageLink(nextCursor)} className={secondaryButtonClass}>
            Older
          </Link>
        ) : null}
      </nav>
    </DashboardShell>
  );
}
