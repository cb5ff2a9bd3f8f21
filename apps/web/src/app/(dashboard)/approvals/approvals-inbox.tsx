"use client";

import { useState } from "react";
import { EndedApprovalsTable } from "@/components/approvals/ended-approvals-table";
import { useServerClock } from "@/components/approvals/use-server-clock";
import { EmptyState } from "@/components/ui/empty-state";
import { InlineCode } from "@/components/ui/inline-code";
import { type ApprovalInbox, ApprovalInboxSchema } from "@/lib/approval-feeds";
import { usePolledJson } from "@/lib/use-polled-json";
import { ApprovalCard } from "./approval-card";
import { DecisionNotice, type Notice } from "./decision-notice";

// Often enough that a request appears while the agent is still waiting on it; the route is cheap.
const POLL_INTERVAL_MS = 2000;

/** The inbox, kept live: pending requests to decide, then recently ended ones. */
export function ApprovalsInbox({ initial }: { initial: ApprovalInbox }) {
  const {
    data = initial,
    isStale,
    refresh,
  } = usePolledJson({
    url: "/api/dashboard/approvals",
    intervalMs: POLL_INTERVAL_MS,
    schema: ApprovalInboxSchema,
    initial,
  });
  const now = useServerClock(data.now);
  const [notice, setNotice] = useState<Notice | null>(null);
  const onEnded: Parameters<typeof ApprovalCard>[0]["onEnded"] = (ended) => {
    setNotice(ended);
    refresh();
  };

  return (
    <div className="space-y-8">
      <DecisionNotice notice={notice} isStale={isStale} />
      <section aria-labelledby="pending-heading" className="space-y-4">
        <h2 id="pending-heading" className="text-lg font-semibold text-slate-900">
          Waiting for a decision <span className="text-slate-500">({data.pending.length})</span>
        </h2>
        {data.pending.length === 0 ? (
          <NoPendingApprovals />
        ) : (
          data.pending.map((approval) => (
            <ApprovalCard
              key={approval.id}
              approval={approval}
              canDecide={data.canDecide}
              now={now}
              onEnded={onEnded}
              isInList
            />
          ))
        )}
      </section>
      <section aria-labelledby="ended-heading" className="space-y-4">
        <h2 id="ended-heading" className="text-lg font-semibold text-slate-900">
          Recently ended
        </h2>
        {data.ended.length === 0 ? (
          <p className="text-sm text-slate-600">No request has ended yet.</p>
        ) : (
          <EndedApprovalsTable approvals={data.ended} />
        )}
      </section>
    </div>
  );
}

function NoPendingApprovals() {
  return (
    <EmptyState title="No calls are waiting for approval">
      <p>
        A policy can hold an agent's call until a person approves or denies it here; the agent waits for the
        answer.
      </p>
      <p className="mt-2">
        <InlineCode text='Hold every call of a tool with `"action": "require_approval"`, or only matching calls with `approve_if` conditions. Set how long a call waits, and whether an approver may also allow identical calls, with `"approval": {"timeout": "10m", "allow_identical_for": "15m"}`.' />
      </p>
    </EmptyState>
  );
}
