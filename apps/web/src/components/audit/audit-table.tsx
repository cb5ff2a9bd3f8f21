import type { ApprovalStatus } from "@gatehouse/db/models";
import Link from "next/link";
import { describeApprovalOutcome } from "@/components/approvals/approval-outcome";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { cardClass, linkClass } from "@/components/ui/styles";
import { formatDateTime } from "@/lib/format";

type AuditRow = {
  id: string;
  occurredAt: Date;
  grantId: string | null;
  method: string;
  tool: string | null;
  decision: "allow" | "deny" | "require_approval";
  isShadow: boolean;
  rule: string | null;
  reason: string | null;
  upstreamStatus: string | null;
  upstreamError: string | null;
  latencyMs: number;
  sessionId: string | null;
  approvalId: string | null;
  approvalStatus: ApprovalStatus | null;
  approvedBy: string | null;
  approvalWaitMs: number | null;
};

const DECISION_TONES: Record<AuditRow["decision"], BadgeTone> = {
  allow: "green",
  deny: "red",
  require_approval: "amber",
};

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

/** One row per call the proxy answered, newest first, with the decision and why. */
export function AuditTable({ events, grantNames }: { events: AuditRow[]; grantNames: Map<string, string> }) {
  return (
    <div className={`${cardClass} overflow-x-auto`}>
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="audit-table">
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
          <tr>
            {COLUMNS.map((column) => (
              <th key={column} className="whitespace-nowrap px-3 py-3">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {events.map((event) => (
            <tr key={event.id} data-testid="audit-row">
              <td className="whitespace-nowrap px-3 py-2 text-slate-600">
                {formatDateTime(event.occurredAt)}
              </td>
              <td className="whitespace-nowrap px-3 py-2">
                {event.grantId ? (
                  <Link href={`/grants/${event.grantId}`} className={linkClass}>
                    {grantNames.get(event.grantId) ?? "Deleted grant"}
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
                <Badge tone={DECISION_TONES[event.decision]}>{event.decision.replace("_", " ")}</Badge>
                {event.isShadow ? (
                  <div className="mt-1 text-xs text-slate-500" title="Shadow mode: logged, not enforced">
                    shadow
                  </div>
                ) : null}
                <ApprovalOutcomeLine event={event} />
              </td>
              <td className="px-3 py-2 font-mono text-xs text-slate-600">{event.rule ?? "—"}</td>
              <td className="max-w-xs px-3 py-2 text-slate-700">{event.reason ?? "—"}</td>
              <td className="max-w-xs px-3 py-2 text-slate-700">
                {event.upstreamStatus ?? "—"}
                {event.upstreamError ? (
                  <div className="text-xs text-red-700">{event.upstreamError}</div>
                ) : null}
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
        </tbody>
      </table>
    </div>
  );
}

/** For a call that was held for a person: how it ended, linking to the request. */
function ApprovalOutcomeLine({ event }: { event: AuditRow }) {
  if (!event.approvalStatus) return null;
  const outcome = describeApprovalOutcome({
    status: event.approvalStatus,
    decidedBy: event.approvedBy,
    waitMs: event.approvalWaitMs,
  });
  return (
    <div className="mt-1 max-w-[14rem] text-xs text-slate-600" data-testid="audit-approval-outcome">
      {event.approvalId ? (
        <Link href={`/approvals/${event.approvalId}`} className={linkClass}>
          {outcome}
        </Link>
      ) : (
        outcome
      )}
    </div>
  );
}
