import Link from "next/link";
import { cardClass, linkClass } from "@/components/ui/styles";
import type { ApprovalSummaryView } from "@/lib/approval-feeds";
import { formatDateTime, formatDurationMs } from "@/lib/format";
import { outcomeOfRequest } from "./approval-outcome";
import { ApprovalStatusBadge } from "./approval-status-badge";

const COLUMNS = ["Ended", "Call", "Grant", "Outcome", "Decided by", "Comment", "Waited"];

/** Recently ended requests, newest first: how each ended, who decided, why and after how long. */
export function EndedApprovalsTable({ approvals }: { approvals: ApprovalSummaryView[] }) {
  return (
    <div className={`${cardClass} overflow-x-auto`}>
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="ended-approvals-table">
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
          {approvals.map((approval) => {
            const { waitMs } = outcomeOfRequest(approval);
            return (
              <tr key={approval.id} data-testid="ended-approval-row" data-approval-id={approval.id}>
                <td className="whitespace-nowrap px-3 py-2 text-slate-600">
                  {approval.decidedAt ? formatDateTime(approval.decidedAt) : "—"}
                </td>
                <td className="px-3 py-2">
                  <Link href={`/approvals/${approval.id}`} className={`${linkClass} font-mono text-xs`}>
                    {approval.name}
                  </Link>
                </td>
                <td className="whitespace-nowrap px-3 py-2">{approval.grant.name}</td>
                <td className="px-3 py-2">
                  <ApprovalStatusBadge status={approval.status} />
                </td>
                <td className="px-3 py-2" data-testid="approval-decided-by">
                  {isPersonDecision(approval.status) ? approval.decidedByName : "—"}
                </td>
                <td className="max-w-xs px-3 py-2 text-slate-700" data-testid="approval-comment">
                  {approval.comment ?? "—"}
                </td>
                <td className="whitespace-nowrap px-3 py-2 tabular-nums">
                  {waitMs === null ? "—" : formatDurationMs(waitMs)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

// Requests that time out, are cancelled or abandoned are ended by Gatehouse, not decided by anyone.
function isPersonDecision(status: ApprovalSummaryView["status"]): boolean {
  return status === "approved" || status === "denied";
}
