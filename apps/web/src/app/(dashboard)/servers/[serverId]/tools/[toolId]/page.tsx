import { getServer } from "@gatehouse/core/servers/get-server";
import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { FlagsList } from "@/components/catalogue/flags-list";
import { CategoryBadge, FlagMarker, SeverityBadge, StatusBadges } from "@/components/catalogue/risk-badges";
import { DashboardShell } from "@/components/layout/dashboard-shell";
import { PageHeader } from "@/components/ui/page-header";
import { cardClass, linkClass } from "@/components/ui/styles";
import { formatDateTime } from "@/lib/format";
import { isAwaitingApproval } from "@/lib/tool-catalogue";
import { formatJson } from "@/lib/tool-definition-text";
import { readFlags } from "@/lib/tool-risk";
import { can } from "@/server/auth/permissions";
import { requireSession } from "@/server/auth/session";
import { loadToolDetails } from "@/server/catalogue/load-tool-details";
import { orNotFound } from "@/server/or-not-found";
import { getServices } from "@/server/services";
import { ApprovalPanel } from "./approval-panel";
import { ChangeHistory } from "./change-history";

export const metadata: Metadata = { title: "Tool" };

type Props = { params: Promise<{ serverId: string; toolId: string }> };

export default async function ToolPage({ params }: Props) {
  const session = await requireSession();
  const { serverId, toolId } = await params;
  const { db } = getServices();
  const server = await orNotFound(getServer({ db, orgId: session.orgId, serverId }));
  const { tool, changes } = await orNotFound(loadToolDetails({ db, orgId: session.orgId, serverId, toolId }));
  const serverPath = `/servers/${encodeURIComponent(server.id)}`;
  const flags = readFlags(tool.flags);
  const isAwaiting = isAwaitingApproval(tool);

  return (
    <DashboardShell session={session}>
      <PageHeader
        title={tool.name}
        description={
          <div className="space-y-2">
            <Link href={serverPath} className={linkClass}>
              ← {server.name}
            </Link>
            {tool.title ? <p>{tool.title}</p> : null}
            <div className="flex flex-wrap gap-1.5">
              <CategoryBadge category={tool.category} />
              <SeverityBadge severity={tool.severity} />
              <StatusBadges
                status={{ isRemoved: tool.removedAt !== null, isAwaitingApproval: isAwaiting, isNew: false }}
              />
              <FlagMarker flags={flags} />
            </div>
          </div>
        }
      />
      <div className="space-y-8">
        <ApprovalPanel
          serverId={server.id}
          toolId={tool.id}
          isAwaiting={isAwaiting}
          canApprove={can(session.role, "approve_tool_changes")}
        >
          <p>
            The server changed this tool's definition
            {tool.changedAt ? ` on ${formatDateTime(tool.changedAt)}` : ""} after it was approved. Until
            someone approves the new definition, the proxy refuses every call to it (unless a policy sets{" "}
            <code className="font-mono">"on_tool_change": "allow"</code>), because a changed description can
            carry instructions nobody reviewed. Compare the definitions in the change history below first.
          </p>
        </ApprovalPanel>
        {tool.removedAt ? (
          <p className="rounded-md border border-slate-200 bg-slate-50 px-4 py-3 text-sm text-slate-700">
            The server stopped offering this tool at the discovery of {formatDateTime(tool.removedAt)}.
          </p>
        ) : null}

        <div className="grid gap-8 lg:grid-cols-2">
          <Card title="Risk" id="risk-heading">
            <dl className="grid grid-cols-[8rem_1fr] gap-y-2 text-sm">
              <Detail term="Category">
                <CategoryBadge category={tool.category} />
              </Detail>
              <Detail term="Severity">
                <SeverityBadge severity={tool.severity} />
              </Detail>
              <Detail term="Confidence">
                <span data-testid="tool-confidence">{tool.confidence ?? "—"}</span>
              </Detail>
              <Detail term="First seen">{formatDateTime(tool.firstSeenAt)}</Detail>
              <Detail term="Last seen">{formatDateTime(tool.lastSeenAt)}</Detail>
            </dl>
            <h3 className="mt-4 text-sm font-semibold text-slate-900">Rationale</h3>
            <p className="mt-1 text-sm text-slate-700" data-testid="tool-rationale">
              {tool.rationale ?? "Not classified yet: run “Connect & discover” again to classify it."}
            </p>
          </Card>
          <Card title="Poisoning scan" id="flags-heading">
            <FlagsList flags={flags} />
          </Card>
        </div>

        <Card title="Description" id="description-heading">
          <pre
            className="whitespace-pre-wrap font-mono text-xs leading-5 text-slate-800 [overflow-wrap:anywhere]"
            data-testid="tool-description"
          >
            {tool.description ?? "(no description)"}
          </pre>
        </Card>

        <div className="grid gap-8 lg:grid-cols-2">
          <Card title="Input schema" id="schema-heading">
            <JsonBlock value={tool.inputSchema} testId="tool-input-schema" />
          </Card>
          <Card title="Annotations" id="annotations-heading">
            {tool.annotations == null ? (
              <p className="text-sm text-slate-600">The server sends no annotations for this tool.</p>
            ) : (
              <>
                <p className="mb-2 text-xs text-slate-500">
                  Hints written by the server, weighed by the classifier but never trusted.
                </p>
                <JsonBlock value={tool.annotations} testId="tool-annotations" />
              </>
            )}
          </Card>
        </div>

        <ChangeHistory changes={changes} />
      </div>
    </DashboardShell>
  );
}

function Card({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section className={`${cardClass} min-w-0 p-6`} aria-labelledby={id}>
      <h2 id={id} className="mb-3 text-base font-semibold text-slate-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

function JsonBlock({ value, testId }: { value: unknown; testId: string }) {
  return (
    <pre
      className="max-h-[32rem] overflow-auto rounded-md bg-slate-50 p-3 font-mono text-xs leading-5 text-slate-800"
      data-testid={testId}
    >
      {formatJson(value)}
    </pre>
  );
}

function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="font-medium text-slate-500">{term}</dt>
      <dd className="text-slate-900">{children}</dd>
    </>
  );
}
