export type LatencySummary = { p50Ms: number; p90Ms: number; p99Ms: number; meanMs: number; maxMs: number };

/** Nearest-rank percentiles of a set of latencies (ms); all zero when there are none. */
export function summariseLatencies(latenciesMs: ArrayLike<number>): LatencySummary {
  const sorted = Float64Array.from(latenciesMs).sort();
  if (sorted.length === 0) return { p50Ms: 0, p90Ms: 0, p99Ms: 0, meanMs: 0, maxMs: 0 };
  let total = 0;
  for (const value of sorted) total += value;
  return {
    p50Ms: nearestRank(sorted, 0.5),
    p90Ms: nearestRank(sorted, 0.9),
    p99Ms: nearestRank(sorted, 0.99),
    meanMs: total / sorted.length,
    maxMs: sorted[sorted.length - 1] ?? 0,
  };
}

/** The nearest-rank percentile (`fraction` of 1) of ascending values; 0 when there are none. */
export function nearestRank(sorted: ArrayLike<number>, fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? 0;
}
