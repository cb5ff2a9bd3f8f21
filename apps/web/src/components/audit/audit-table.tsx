import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { linkClass } from "@/components/ui/styles";
import type { AuditEventView } from "@/lib/audit-feed";
import { formatDateTime } from "@/lib/format";
import { ApprovalOutcomeLine } from "./approval-outcome-line";
import { DecisionBadge } from "./decision-badge";

const COLUMNS = [
  "Time",
  "Grant",
  "Tool / method",
  "Decision",
  "Rule",
  "Reason",
  "Upstream",
  "Latency",
  "Session",
];

type Props = {
  events: AuditEventView[];
  grantNames: Record<string, string>;
  /** Rows the live tail added since the page loaded, highlighted. */
  newIds: ReadonlySet<string>;
  onSelect: (eventId: string) => void;
};

/** One row per call the proxy answered, newest first, with the decision and why; the time opens its details. */
export function AuditTable({ events, grantNames, newIds, onSelect }: Props) {
  return (
    <DataTable columns={COLUMNS} testId="audit-table">
      {events.map((event) => (
        <tr
          key={event.id}
          data-testid="audit-row"
          data-event-id={event.id}
          data-new={newIds.has(event.id) || undefined}
          className={newIds.has(event.id) ? "bg-indigo-50/60" : undefined}
        >
          <td className="whitespace-nowrap px-3 py-2">
            <button
              type="button"
              onClick={() => onSelect(event.id)}
              aria-haspopup="dialog"
              title="Show the full event"
              className={`${linkClass} text-left font-normal`}
            >
              {formatDateTime(event.occurredAt)}
            </button>
          </td>
          <td className="whitespace-nowrap px-3 py-2">
            {event.grantId ? (
              <Link href={`/grants/${event.grantId}`} className={linkClass}>
                {grantNames[event.grantId] ?? "Deleted grant"}
              </Link>
            ) : (
              <span className="text-slate-400">No grant</span>
            )}
          </td>
          <td className="px-3 py-2">
            <div className="font-mono text-xs">{event.tool ?? event.method}</div>
            {event.tool ? <div className="text-xs text-slate-500">{event.method}</div> : null}
          </td>
          <td className="px-3 py-2">
            <DecisionBadge decision={event.decision} isShadow={event.isShadow} />
            <ApprovalOutcomeLine event={event} />
          </td>
          <td className="px-3 py-2 font-mono text-xs text-slate-600">{event.rule ?? "—"}</td>
          <td className="max-w-xs px-3 py-2 text-slate-700">{event.reason ?? "—"}</td>
          <td className="max-w-xs px-3 py-2 text-slate-700">
            {event.upstreamStatus ?? "—"}
            {event.upstreamError ? <div className="text-xs text-red-700">{event.upstreamError}</div> : null}
          </td>
          <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">{event.latencyMs} ms</td>
          <td
            className="max-w-[10rem] truncate px-3 py-2 font-mono text-xs text-slate-500"
            title={event.sessionId ?? ""}
          >
            {event.sessionId ?? "—"}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
