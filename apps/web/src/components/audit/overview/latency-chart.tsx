"use client";

import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS_TICK, CHART_STYLE, GRID_STROKE } from "./chart-theme";

export type LatencyBucket = {
  label: string;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
};

const PERCENTILE_SERIES = [
  { key: "p50Ms", name: "p50", color: "#6366f1" },
  { key: "p95Ms", name: "p95", color: "#f97316" },
  { key: "p99Ms", name: "p99", color: "#dc2626" },
] as const;

/** Latency percentiles per time bucket; a bucket without calls leaves a gap. */
export function LatencyChart({ buckets }: { buckets: LatencyBucket[] }) {
  return (
    <LineChart responsive data={buckets} style={CHART_STYLE}>
      <CartesianGrid strokeDasharray="3 3" stroke={GRID_STROKE} vertical={false} />
      <XAxis dataKey="label" tick={AXIS_TICK} minTickGap={16} />
      <YAxis tick={AXIS_TICK} width={56} unit=" ms" />
      <Tooltip formatter={(value) => `${value} ms`} />
      <Legend />
      {PERCENTILE_SERIES.map((series) => (
        <Line
          key={series.key}
          type="monotone"
          dataKey={series.key}
          name={series.name}
          stroke={series.color}
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
        />
      ))}
    </LineChart>
  );
}
