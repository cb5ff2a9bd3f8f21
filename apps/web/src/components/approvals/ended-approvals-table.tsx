import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { linkClass } from "@/components/ui/styles";
import type { ApprovalSummaryView } from "@/lib/approval-feeds";
import { formatDateTime, formatDurationMs } from "@/lib/format";
import { outcomeOfRequest } from "./approval-outcome";
import { ApprovalStatusBadge } from "./approval-status-badge";

const COLUMNS = ["Ended", "Call", "Grant", "Outcome", "Decided by", "Comment", "Waited"];

/** Recently ended requests, newest first: how each ended, who decided, why and after how long. */
export function EndedApprovalsTable({ approvals }: { approvals: ApprovalSummaryView[] }) {
  return (
    <DataTable columns={COLUMNS} testId="ended-approvals-table">
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
    </DataTable>
  );
}

// Requests that time out, are cancelled or abandoned are ended by Gatehouse, not decided by anyone.
function isPersonDecision(status: ApprovalSummaryView["status"]): boolean {
  return status === "approved" || status === "denied";
}
