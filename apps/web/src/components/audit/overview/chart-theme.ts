import type { CSSProperties } from "react";

// The charts' shared look: decision colours match the audit log's badges (Tailwind's emerald,
// red and amber 500), and every chart is the card's width at one height.

/** Each decision as a chart series: its data key, legend name and colour. */
export const DECISION_SERIES = [
  { key: "allow", name: "Allowed", color: "#10b981" },
  { key: "deny", name: "Denied", color: "#ef4444" },
  { key: "require_approval", name: "Needs approval", color: "#f59e0b" },
] as const;

export const CHART_STYLE: CSSProperties = { width: "100%", height: 280 };
export const AXIS_TICK = { fontSize: 12, fill: "#475569" };
export const GRID_STROKE = "#e2e8f0";
