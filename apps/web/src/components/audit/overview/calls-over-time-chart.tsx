"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS_TICK, CHART_STYLE, DECISION_SERIES, GRID_STROKE } from "./chart-theme";

export type CallsBucket = { label: string; allow: number; deny: number; require_approval: number };

/** Calls per time bucket, stacked by decision. */
export function CallsOverTimeChart({ buckets }: { buckets: CallsBucket[] }) {
  return (
    <BarChart responsive data={buckets} style={CHART_STYLE}>
      <CartesianGrid strokeDasharray="3 3" stroke={GRID_STROKE} vertical={false} />
      <XAxis dataKey="label" tick={AXIS_TICK} minTickGap={16} />
      <YAxis allowDecimals={false} tick={AXIS_TICK} width={48} />
      <Tooltip />
      <Legend />
      {DECISION_SERIES.map((series) => (
        <Bar
          key={series.key}
          dataKey={series.key}
          name={series.name}
          stackId="decision"
          fill={series.color}
        />
      ))}
    </BarChart>
  );
}
