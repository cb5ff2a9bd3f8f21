import Link from "next/link";
import type { ReactNode } from "react";
import { Fact, policyVersionHref } from "@/components/approvals/approval-facts";
import { ArgumentKeyList } from "@/components/ui/argument-key-list";
import { CopyButton } from "@/components/ui/copy-button";
import { linkClass } from "@/components/ui/styles";
import type { AuditEventView } from "@/lib/audit-feed";
import { ApprovalOutcomeLine } from "./approval-outcome-line";
import { DecisionBadge } from "./decision-badge";

type Props = {
  event: AuditEventView;
  grantNames: Record<string, string>;
  serverNames: Record<string, string>;
};

const preClass =
  "max-h-80 overflow-auto rounded-md border border-slate-200 bg-slate-50 p-3 font-mono text-xs leading-5 text-slate-900";

/** Everything recorded about one call, grouped: why it was decided, what called, what the upstream did, arguments. */
export function AuditEventDetails({ event, grantNames, serverNames }: Props) {
  const orDash = (value: ReactNode) => (value === null || value === undefined || value === "" ? "—" : value);
  return (
    <div className="space-y-6 text-sm">
      <Section title="Decision">
        <Fact term="Decision">
          <DecisionBadge decision={event.decision} isShadow={event.isShadow} />
          <ApprovalOutcomeLine event={event} />
        </Fact>
        <Fact term="Rule">
          <RuleLink event={event} />
        </Fact>
        <Fact term="Reason">{orDash(event.reason)}</Fact>
      </Section>
      <Section title="Call">
        <Fact term="Method">
          <code className="font-mono text-xs">{event.method}</code>
        </Fact>
        <Fact term="Grant">
          {event.grantId ? (
            <Link href={`/grants/${event.grantId}`} className={linkClass}>
              {grantNames[event.grantId] ?? "Deleted grant"}
            </Link>
          ) : (
            "—"
          )}
        </Fact>
        <Fact term="Server">
          {event.serverId ? (
            <Link href={`/servers/${event.serverId}`} className={linkClass}>
              {serverNames[event.serverId] ?? "Deleted server"}
            </Link>
          ) : (
            "—"
          )}
        </Fact>
        <Fact term="Client">{orDash([event.clientName, event.clientVersion].filter(Boolean).join(" "))}</Fact>
        <Fact term="Client IP">{orDash(event.clientIp)}</Fact>
        <Fact term="User agent">{orDash(event.userAgent)}</Fact>
        <Fact term="Token prefix">{orDash(event.tokenPrefix)}</Fact>
        <Fact term="Agent session">
          <span className="break-all font-mono text-xs">{orDash(event.sessionId)}</span>
        </Fact>
      </Section>
      <Section title="Upstream">
        <Fact term="Status">{orDash(event.upstreamStatus)}</Fact>
        <Fact term="HTTP status">{orDash(event.upstreamHttpStatus)}</Fact>
        <Fact term="JSON-RPC error">{orDash(event.jsonRpcErrorCode)}</Fact>
        <Fact term="Tool reported an error">
          {event.resultIsError === null ? "—" : event.resultIsError ? "yes" : "no"}
        </Fact>
        <Fact term="Latency">
          {event.latencyMs} ms
          {event.upstreamLatencyMs === null ? "" : ` (upstream ${event.upstreamLatencyMs} ms)`}
        </Fact>
        <Fact term="Result size">{event.resultBytes === null ? "—" : `${event.resultBytes} bytes`}</Fact>
        {event.upstreamError ? <Fact term="Error">{event.upstreamError}</Fact> : null}
      </Section>
      <section aria-labelledby="audit-drawer-arguments" className="space-y-2">
        <h3 id="audit-drawer-arguments" className="font-semibold text-slate-900">
          Arguments
        </h3>
        <Arguments event={event} />
      </section>
      <details className="space-y-2">
        <summary className="cursor-pointer font-semibold text-slate-900">Full event (JSON)</summary>
        <pre className={preClass} data-testid="audit-drawer-json">
          {JSON.stringify(event, null, 2)}
        </pre>
        <CopyButton value={JSON.stringify(event, null, 2)} label="Copy JSON" />
      </details>
    </div>
  );
}

/** The rule that decided, linking to the policy version that held it when one is known. */
function RuleLink({ event }: { event: AuditEventView }) {
  const rule = <code className="font-mono text-xs">{event.rule ?? "no rule"}</code>;
  if (!event.policyId || event.policyVersion === null) return rule;
  return (
    <>
      <Link
        href={policyVersionHref({ id: event.policyId, version: event.policyVersion })}
        className={linkClass}
        data-testid="audit-drawer-rule"
      >
        {rule}
      </Link>{" "}
      <span className="text-slate-500">(policy version {event.policyVersion})</span>
    </>
  );
}

/** The values when the policy logs them, otherwise only the names. */
function Arguments({ event }: { event: AuditEventView }) {
  if (event.arguments !== null && event.arguments !== undefined) {
    return (
      <pre className={preClass} data-testid="audit-drawer-arguments">
        {JSON.stringify(event.arguments, null, 2)}
      </pre>
    );
  }
  return (
    <div className="space-y-1.5">
      <ArgumentKeyList keys={event.argumentKeys} testId="audit-drawer-argument-keys" />
      <p className="text-xs text-slate-500">
        Values are recorded only when the policy's <code>log_arguments</code> is "redacted" or "full".
      </p>
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="space-y-2">
      <h3 className="font-semibold text-slate-900">{title}</h3>
      <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">{children}</dl>
    </section>
  );
}
