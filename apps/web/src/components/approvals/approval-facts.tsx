import Link from "next/link";
import type { ReactNode } from "react";
import { linkClass } from "@/components/ui/styles";
import type { ApprovalSummaryView } from "@/lib/approval-feeds";
import { formatDateTime } from "@/lib/format";

/**
 * The history page showing what the version that held the call changed, so an approver
 * can see the rule in context.
 */
export function policyVersionHref(policy: ApprovalSummaryView["policy"]): string {
  const query = new URLSearchParams({
    from: String(Math.max(1, policy.version - 1)),
    to: String(policy.version),
  });
  return `/policies/${policy.id}/versions?${query}`;
}

/** Where a held call came from and which rule asked for a person: grant, server, session, rule, reason. */
export function ApprovalFacts({ approval }: { approval: ApprovalSummaryView }) {
  return (
    <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-3">
      <Fact term="Grant">
        <Link href={`/grants/${approval.grant.id}`} className={linkClass} data-testid="approval-grant">
          {approval.grant.name}
        </Link>
      </Fact>
      <Fact term="Server">
        <Link href={`/servers/${approval.server.id}`} className={linkClass}>
          {approval.server.name}
        </Link>
      </Fact>
      <Fact term="Agent session">
        <span className="break-all font-mono text-xs" data-testid="approval-session">
          {approval.sessionId ?? "—"}
        </span>
      </Fact>
      <Fact term="Rule">
        <Link href={policyVersionHref(approval.policy)} className={linkClass} data-testid="approval-rule">
          <code className="font-mono text-xs">{approval.rule}</code>
        </Link>{" "}
        <span className="text-slate-500">(policy version {approval.policy.version})</span>
      </Fact>
      <Fact term="Reason">
        <span data-testid="approval-reason">{approval.reason}</span>
      </Fact>
      <Fact term="Requested">{formatDateTime(approval.createdAt)}</Fact>
    </dl>
  );
}

/** One term and its value in a facts list (`<dl>`); the audit log's event details use it too. */
export function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{term}</dt>
      <dd className="mt-0.5 text-slate-900">{children}</dd>
    </div>
  );
}
