"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS_TICK, GRID_STROKE } from "./chart-theme";

export type RankedRow = { name: string } & Record<string, string | number>;
export type RankedSeries = readonly { key: string; name: string; color: string }[];

// Each row gets this much height, so ten long names stay readable.
const ROW_HEIGHT_PX = 32;

/** Horizontal bars, one row per ranked item (tools, rules, grants), stacked by the given series. */
export function RankedBarChart({ rows, series }: { rows: RankedRow[]; series: RankedSeries }) {
  return (
    <BarChart
      responsive
      layout="vertical"
      data={rows}
      style={{ width: "100%", height: 64 + rows.length * ROW_HEIGHT_PX }}
    >
      <CartesianGrid strokeDasharray="3 3" stroke={GRID_STROKE} horizontal={false} />
      <XAxis type="number" allowDecimals={false} tick={AXIS_TICK} />
      <YAxis type="category" dataKey="name" tick={AXIS_TICK} width={200} />
      <Tooltip />
      {series.length > 1 ? <Legend /> : null}
      {series.map((item) => (
        <Bar key={item.key} dataKey={item.key} name={item.name} stackId="ranked" fill={item.color} />
      ))}
    </BarChart>
  );
}
