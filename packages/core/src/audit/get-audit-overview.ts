import type { Db } from "@gatehouse/db/client";
import { Prisma } from "@gatehouse/db/models";
import { auditConditionsSql } from "./audit-conditions-sql";

const HOUR_MS = 3_600_000;

/** The periods the overview covers, each with the width of its time buckets. */
export const AUDIT_OVERVIEW_RANGES = {
  "24h": { label: "Last 24 hours", durationMs: 24 * HOUR_MS, bucketMs: HOUR_MS },
  "7d": { label: "Last 7 days", durationMs: 7 * 24 * HOUR_MS, bucketMs: 6 * HOUR_MS },
  "30d": { label: "Last 30 days", durationMs: 30 * 24 * HOUR_MS, bucketMs: 24 * HOUR_MS },
} as const;
export type AuditOverviewRange = keyof typeof AUDIT_OVERVIEW_RANGES;

const TOP_LIMIT = 10;

export type DecisionCounts = { allow: number; deny: number; require_approval: number };
/** Null when there were no calls to measure. */
export type LatencyPercentiles = { p50Ms: number | null; p95Ms: number | null; p99Ms: number | null };

export type AuditOverview = {
  from: Date;
  to: Date;
  totals: DecisionCounts & {
    calls: number;
    latency: LatencyPercentiles;
    upstreamLatency: LatencyPercentiles;
  };
  /** One entry per bucket from `from` to `to`, empty buckets included. */
  timeline: (DecisionCounts & LatencyPercentiles & { start: Date })[];
  topTools: { tool: string; calls: number; denied: number }[];
  topDenialRules: {
    policyId: string | null;
    policyName: string | null;
    rule: string | null;
    denied: number;
  }[];
  grants: (DecisionCounts & {
    grantId: string;
    grantName: string | null;
    calls: number;
    p95Ms: number | null;
  })[];
};

/** percentile_cont over ARRAY[0.5, 0.95, 0.99]; null over no rows. */
type Percentiles = [number, number, number] | null;

const DECISION_COUNTS = Prisma.sql`
  count(*) FILTER (WHERE "decision" = 'allow')::int AS "allow",
  count(*) FILTER (WHERE "decision" = 'deny')::int AS "deny",
  count(*) FILTER (WHERE "decision" = 'require_approval')::int AS "require_approval"`;
const percentilesOf = (column: string) =>
  Prisma.sql`percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY ${Prisma.raw(`"${column}"`)})`;

/**
 * The organisation's calls over a recent period, aggregated in Postgres: calls over time by
 * decision with latency percentiles, totals, the most called tools, the rules that denied most,
 * and calls per grant. Buckets are whole multiples of their width (UTC); the last one is current.
 */
export async function getAuditOverview(options: {
  db: Db;
  orgId: string;
  range: AuditOverviewRange;
  now: Date;
}): Promise<AuditOverview> {
  const { db, orgId } = options;
  const { durationMs, bucketMs } = AUDIT_OVERVIEW_RANGES[options.range];
  const to = new Date((Math.floor(options.now.getTime() / bucketMs) + 1) * bucketMs);
  const from = new Date(to.getTime() - durationMs);
  const period = { from: from.toISOString(), to: to.toISOString() };
  const inPeriod = auditConditionsSql(orgId, period);
  const [totals, buckets, topTools, topDenialRules, grants] = await Promise.all([
    db.$queryRaw<(DecisionCounts & { calls: number; latency: Percentiles; upstream: Percentiles })[]>`
      SELECT count(*)::int AS "calls", ${DECISION_COUNTS}, ${percentilesOf("latencyMs")} AS "latency",
        ${percentilesOf("upstreamLatencyMs")} AS "upstream"
      FROM "AuditEvent" WHERE ${inPeriod}`,
    db.$queryRaw<(DecisionCounts & { start: Date; latency: Percentiles })[]>`
      SELECT date_bin(make_interval(secs => ${bucketMs / 1000}), "occurredAt", ${period.from}::timestamp)
        AS "start", ${DECISION_COUNTS}, ${percentilesOf("latencyMs")} AS "latency"
      FROM "AuditEvent" WHERE ${inPeriod} GROUP BY 1`,
    db.$queryRaw<AuditOverview["topTools"]>`
      SELECT "tool", count(*)::int AS "calls", count(*) FILTER (WHERE "decision" = 'deny')::int AS "denied"
      FROM "AuditEvent" WHERE ${inPeriod} AND "tool" IS NOT NULL
      GROUP BY "tool" ORDER BY "calls" DESC, "tool" LIMIT ${TOP_LIMIT}`,
    // Names are joined to the few ranked rows only, each checked to be the organisation's own.
    db.$queryRaw<AuditOverview["topDenialRules"]>`
      WITH ranked AS (
        SELECT "policyId", "rule", count(*)::int AS "denied"
        FROM "AuditEvent" WHERE ${auditConditionsSql(orgId, { ...period, decision: "deny" })}
        GROUP BY "policyId", "rule" ORDER BY "denied" DESC, "rule" LIMIT ${TOP_LIMIT})
      SELECT r.*, p."name" AS "policyName" FROM ranked r
      LEFT JOIN "Policy" p ON p."id" = r."policyId" AND p."orgId" = ${orgId}
      ORDER BY r."denied" DESC, r."rule"`,
    db.$queryRaw<AuditOverview["grants"]>`
      WITH ranked AS (
        SELECT "grantId", count(*)::int AS "calls", ${DECISION_COUNTS},
          percentile_cont(0.95) WITHIN GROUP (ORDER BY "latencyMs") AS "p95Ms"
        FROM "AuditEvent" WHERE ${inPeriod} AND "grantId" IS NOT NULL
        GROUP BY "grantId" ORDER BY "calls" DESC, "grantId" LIMIT ${TOP_LIMIT})
      SELECT r.*, g."name" AS "grantName" FROM ranked r
      LEFT JOIN "Grant" g ON g."id" = r."grantId" AND g."orgId" = ${orgId}
      ORDER BY r."calls" DESC, r."grantId"`,
  ]);
  const total = totals[0] ?? {
    calls: 0,
    allow: 0,
    deny: 0,
    require_approval: 0,
    latency: null,
    upstream: null,
  };
  const { latency, upstream, ...counts } = total;
  return {
    from,
    to,
    totals: { ...counts, latency: toPercentiles(latency), upstreamLatency: toPercentiles(upstream) },
    timeline: fillTimeline(buckets, { from, to, bucketMs }),
    topTools,
    topDenialRules,
    grants,
  };
}

/** Every bucket of the period in order, with zero calls where Postgres had no rows. */
function fillTimeline(
  buckets: (DecisionCounts & { start: Date; latency: Percentiles })[],
  period: { from: Date; to: Date; bucketMs: number },
): AuditOverview["timeline"] {
  const byStart = new Map(buckets.map((bucket) => [bucket.start.getTime(), bucket]));
  const timeline: AuditOverview["timeline"] = [];
  for (let startMs = period.from.getTime(); startMs < period.to.getTime(); startMs += period.bucketMs) {
    const bucket = byStart.get(startMs);
    timeline.push({
      start: new Date(startMs),
      allow: bucket?.allow ?? 0,
      deny: bucket?.deny ?? 0,
      require_approval: bucket?.require_approval ?? 0,
      ...toPercentiles(bucket?.latency ?? null),
    });
  }
  return timeline;
}

function toPercentiles(values: Percentiles): LatencyPercentiles {
  return { p50Ms: values?.[0] ?? null, p95Ms: values?.[1] ?? null, p99Ms: values?.[2] ?? null };
}
