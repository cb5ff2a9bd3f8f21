import Link from "next/link";
import { describeApprovalOutcome } from "@/components/approvals/approval-outcome";
import { linkClass } from "@/components/ui/styles";
import type { AuditEventView } from "@/lib/audit-feed";

/** For a call that was held for a person: how it ended, linking to the request. */
export function ApprovalOutcomeLine({ event }: { event: AuditEventView }) {
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
