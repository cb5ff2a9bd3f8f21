"use client";

import { useState } from "react";
import { useServerClock } from "@/components/approvals/use-server-clock";
import { type ApprovalDetail, ApprovalDetailSchema } from "@/lib/approval-feeds";
import { usePolledJson } from "@/lib/use-polled-json";
import { ApprovalCard } from "../approval-card";
import { DecisionNotice, type Notice } from "../decision-notice";

const POLL_INTERVAL_MS = 2000;

/** One request, kept live until it ends (someone decides elsewhere, it times out or the agent gives up). */
export function ApprovalDetailLive({ initial }: { initial: ApprovalDetail }) {
  const [isPending, setIsPending] = useState(initial.approval.status === "pending");
  const {
    data = initial,
    isStale,
    refresh,
  } = usePolledJson({
    url: `/api/dashboard/approvals/${encodeURIComponent(initial.approval.id)}`,
    intervalMs: POLL_INTERVAL_MS,
    schema: ApprovalDetailSchema,
    initial,
    isEnabled: isPending,
  });
  const now = useServerClock(data.now);
  const [notice, setNotice] = useState<Notice | null>(null);
  if (isPending && data.approval.status !== "pending") setIsPending(false);
  return (
    <div className="space-y-4">
      <DecisionNotice notice={notice} isStale={isStale} />
      <ApprovalCard
        approval={data.approval}
        canDecide={data.canDecide}
        now={now}
        onEnded={(ended) => {
          setNotice(ended);
          refresh();
        }}
        isInList={false}
      />
    </div>
  );
}
