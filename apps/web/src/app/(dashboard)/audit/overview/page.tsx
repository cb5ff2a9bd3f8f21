import {
  AUDIT_OVERVIEW_RANGES,
  type AuditOverviewRange,
  getAuditOverview,
} from "@gatehouse/core/audit/get-audit-overview";
import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { CallsOverTimeChart } from "@/components/audit/overview/calls-over-time-chart";
import { ChartCard } from "@/components/audit/overview/chart-card";
import { DECISION_SERIES } from "@/components/audit/overview/chart-theme";
import { LatencyChart } from "@/components/audit/overview/latency-chart";
import { RankedBarChart } from "@/components/audit/overview/ranked-bar-chart";
import { DashboardShell } from "@/components/layout/dashboard-shell";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireSession } from "@/server/auth/session";
import { getServices } from "@/server/services";
import { AuditNav } from "../audit-nav";
import { bucketLabel } from "./bucket-label";
import { OverviewStats } from "./overview-stats";

export const metadata: Metadata = { title: "Audit overview" };

const RANGES = Object.keys(AUDIT_OVERVIEW_RANGES) as AuditOverviewRange[];
const SearchSchema = z.object({ range: z.enum(RANGES).catch("24h") });

const TOOL_SERIES = [
  { key: "notDenied", name: "Allowed or held", color: "#6366f1" },
  { key: "denied", name: "Denied", color: "#ef4444" },
] as const;
const DENIAL_SERIES = [{ key: "denied", name: "Denials", color: "#ef4444" }] as const;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditOverviewPage({ searchParams }: Props) {
  const session = await requireSession();
  const { range } = SearchSchema.parse(await searchParams);
  const { bucketMs, label } = AUDIT_OVERVIEW_RANGES[range];
  const overview = await getAuditOverview({
    db: getServices().db,
    orgId: session.orgId,
    range,
    now: new Date(),
  });
  const buckets = overview.timeline.map(({ start, allow, deny, require_approval, ...latency }) => ({
    label: bucketLabel(start, bucketMs),
    allow,
    deny,
    require_approval,
    ...roundLatencies(latency),
  }));

  return (
    <DashboardShell session={session}>
      <AuditNav />
      <PageHeader
        title="Audit overview"
        description={`What agents did through the proxy: ${label.toLowerCase()}, in UTC.`}
        actions={<RangeLinks current={range} />}
      />
      {overview.totals.calls === 0 ? (
        <EmptyState title="No calls in this period">
          When agents call tools through your grants, charts of their calls and the policy's decisions appear
          here. Try a longer period.
        </EmptyState>
      ) : (
        <div className="space-y-6">
          <OverviewStats totals={overview.totals} />
          <div className="grid gap-6 lg:grid-cols-2">
            <ChartCard title="Calls over time" description="By decision." testId="chart-calls">
              <CallsOverTimeChart buckets={buckets} />
            </ChartCard>
            <ChartCard
              title="Latency"
              description="Gateway latency percentiles, approval waits included."
              testId="chart-latency"
            >
              <LatencyChart buckets={buckets} />
            </ChartCard>
            <ChartCard
              title="Top tools"
              description="The most called tools and resources."
              testId="chart-tools"
            >
              <RankedBarChart
                rows={overview.topTools.map((tool) => ({
                  name: tool.tool,
                  notDenied: tool.calls - tool.denied,
                  denied: tool.denied,
                }))}
                series={TOOL_SERIES}
              />
            </ChartCard>
            <ChartCard
              title="Top denial rules"
              description="The policy rules that denied most calls."
              testId="chart-denials"
            >
              <RankedBarChart
                rows={overview.topDenialRules.map((rule) => ({
                  name: `${rule.rule ?? "no rule"} (${rule.policyName ?? "no policy"})`,
                  denied: rule.denied,
                }))}
                series={DENIAL_SERIES}
              />
            </ChartCard>
            <ChartCard
              title="Calls per grant"
              description="The busiest grants by decision, with their p95 latency."
              testId="chart-grants"
            >
              <RankedBarChart
                rows={overview.grants.map((grant) => ({
                  name: `${grant.grantName ?? "Deleted grant"} (p95 ${Math.round(grant.p95Ms ?? 0)} ms)`,
                  allow: grant.allow,
                  deny: grant.deny,
                  require_approval: grant.require_approval,
                }))}
                series={DECISION_SERIES}
              />
            </ChartCard>
          </div>
        </div>
      )}
    </DashboardShell>
  );
}

function RangeLinks({ current }: { current: AuditOverviewRange }) {
  return (
    <nav aria-label="Period" className="flex gap-1 rounded-md border border-slate-200 bg-white p-1">
      {RANGES.map((range) => (
        <Link
          key={range}
          href={`/audit/overview?range=${range}`}
          aria-current={range === current ? "page" : undefined}
          className={`rounded px-3 py-1 text-sm font-medium ${range === current ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-100"}`}
        >
          {AUDIT_OVERVIEW_RANGES[range].label}
        </Link>
      ))}
    </nav>
  );
}

// Tenths of a millisecond are noise on a chart.
function roundLatencies(bucket: { p50Ms: number | null; p95Ms: number | null; p99Ms: number | null }) {
  const round = (ms: number | null) => (ms === null ? null : Math.round(ms));
  return { p50Ms: round(bucket.p50Ms), p95Ms: round(bucket.p95Ms), p99Ms: round(bucket.p99Ms) };
}
