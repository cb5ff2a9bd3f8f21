import Link from "next/link";
import { ApprovalArguments } from "@/components/approvals/approval-arguments";
import { ApprovalFacts } from "@/components/approvals/approval-facts";
import { describeApprovalOutcome, outcomeOfRequest } from "@/components/approvals/approval-outcome";
import { ApprovalStatusBadge } from "@/components/approvals/approval-status-badge";
import { TimeLeft } from "@/components/approvals/time-left";
import { cardClass, linkClass } from "@/components/ui/styles";
import type { ApprovalView } from "@/lib/approval-feeds";
import { formatDateTime } from "@/lib/format";
import { DecideApprovalForm } from "./decide-approval-form";

type Props = {
  approval: ApprovalView;
  canDecide: boolean;
  /** The server's time, ticking, for the countdown. */
  now: Date;
  onEnded: Parameters<typeof DecideApprovalForm>[0]["onEnded"];
  /** The inbox lists cards under its own headings and links each to its page. */
  isInList: boolean;
};

/** One request: the call, where it came from, its arguments, and the decision form or how it ended. */
export function ApprovalCard({ approval, canDecide, now, onEnded, isInList }: Props) {
  const Heading = isInList ? "h3" : "h2";
  const isPending = approval.status === "pending";
  return (
    <article
      className={`${cardClass} space-y-5 p-5`}
      data-testid="approval-request"
      data-approval-id={approval.id}
      aria-label={`${approval.name} (${approval.status})`}
    >
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <Heading className="break-all font-mono text-base font-semibold text-slate-900">
            {isInList ? (
              <Link href={`/approvals/${approval.id}`} className={linkClass}>
                {approval.name}
              </Link>
            ) : (
              approval.name
            )}
          </Heading>
          <p className="text-xs text-slate-500">
            {approval.kind} · {approval.method}
          </p>
        </div>
        {isPending ? (
          <TimeLeft expiresAt={approval.expiresAt} now={now} />
        ) : (
          <ApprovalStatusBadge status={approval.status} />
        )}
      </header>
      <ApprovalFacts approval={approval} />
      <section className="space-y-1.5">
        <p className="text-xs font-medium uppercase tracking-wide text-slate-500">Arguments</p>
        <ApprovalArguments approval={approval} canDecide={canDecide} />
      </section>
      {!isPending ? (
        <ApprovalOutcomePanel approval={approval} />
      ) : canDecide ? (
        <DecideApprovalForm
          approval={approval}
          isExpired={approval.expiresAt.getTime() <= now.getTime()}
          onEnded={onEnded}
        />
      ) : (
        <p className="text-sm text-slate-600">
          Only owners, admins and policy managers of your organisation can approve or deny calls.
        </p>
      )}
    </article>
  );
}

function ApprovalOutcomePanel({ approval }: { approval: ApprovalView }) {
  return (
    <section className="space-y-1 rounded-md bg-slate-50 p-3 text-sm" data-testid="approval-outcome">
      <p className="font-medium text-slate-900">
        {describeApprovalOutcome(outcomeOfRequest(approval))}
        {approval.decidedAt ? (
          <span className="font-normal text-slate-500"> · {formatDateTime(approval.decidedAt)}</span>
        ) : null}
      </p>
      {approval.comment ? <p className="text-slate-700">“{approval.comment}”</p> : null}
      {approval.reuseUntil ? (
        <p className="text-slate-600">Identical calls allowed until {formatDateTime(approval.reuseUntil)}.</p>
      ) : null}
    </section>
  );
}
