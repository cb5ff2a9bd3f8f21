import type { AuditOverview, LatencyPercentiles } from "@gatehouse/core/audit/get-audit-overview";
import { cardClass } from "@/components/ui/styles";

/** The period's headline numbers: calls by decision and gateway latency percentiles. */
export function OverviewStats({ totals }: { totals: AuditOverview["totals"] }) {
  const stats = [
    { label: "Calls", value: totals.calls.toLocaleString("en-GB") },
    { label: "Allowed", value: totals.allow.toLocaleString("en-GB") },
    { label: "Denied", value: totals.deny.toLocaleString("en-GB") },
    { label: "Needs approval", value: totals.require_approval.toLocaleString("en-GB") },
    { label: "Latency p50 / p95 / p99", value: formatPercentiles(totals.latency) },
    { label: "Upstream p50 / p95 / p99", value: formatPercentiles(totals.upstreamLatency) },
  ];
  return (
    <dl className="grid gap-4 sm:grid-cols-3 lg:grid-cols-6" data-testid="overview-stats">
      {stats.map((stat) => (
        <div key={stat.label} className={`${cardClass} p-4`}>
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{stat.label}</dt>
          <dd className="mt-1 text-lg font-semibold tabular-nums text-slate-900">{stat.value}</dd>
        </div>
      ))}
    </dl>
  );
}

function formatPercentiles({ p50Ms, p95Ms, p99Ms }: LatencyPercentiles): string {
  if (p50Ms === null || p95Ms === null || p99Ms === null) return "—";
  return `${[p50Ms, p95Ms, p99Ms].map((ms) => Math.round(ms)).join(" / ")} ms`;
}
