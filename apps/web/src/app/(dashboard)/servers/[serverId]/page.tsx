import { listTools } from "@gatehouse/core/catalogue/list-tools";
import { listGrants } from "@gatehouse/core/grants/list-grants";
import { getServer } from "@gatehouse/core/servers/get-server";
import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { GrantsTable } from "@/components/grants/grants-table";
import { DashboardShell } from "@/components/layout/dashboard-shell";
import { ServerStatusBadge } from "@/components/servers/server-status-badge";
import { TRANSPORT_LABELS } from "@/components/servers/transport-label";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { cardClass, linkClass, primaryButtonClass, secondaryButtonClass } from "@/components/ui/styles";
import { formatDateTime } from "@/lib/format";
import { ToolFiltersSchema, toCatalogueRows } from "@/lib/tool-catalogue";
import { can } from "@/server/auth/permissions";
import { requireSession } from "@/server/auth/session";
import { orNotFound } from "@/server/or-not-found";
import { getServices } from "@/server/services";
import { CredentialsSection } from "./credentials-section";
import { DiscoverForm } from "./discover-form";
import { OAuthOutcomeSchema, OAuthSection } from "./oauth-section";
import { ServerToolsSection } from "./server-tools-section";

export const metadata: Metadata = { title: "Server" };

type Props = {
  params: Promise<{ serverId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function ServerPage({ params, searchParams }: Props) {
  const session = await requireSession();
  const { serverId } = await params;
  const query = await searchParams;
  const filters = ToolFiltersSchema.parse(query);
  const { db } = getServices();
  const server = await orNotFound(getServer({ db, orgId: session.orgId, serverId }));
  const [tools, grants] = await Promise.all([
    listTools({ db, orgId: session.orgId, serverId }),
    listGrants({ db, orgId: session.orgId, serverId }),
  ]);
  const serverPath = `/servers/${encodeURIComponent(server.id)}`;
  const rows = toCatalogueRows(tools, {
    discoveredAt: server.discoveredAt,
    hrefFor: (toolId) => `${serverPath}/tools/${encodeURIComponent(toolId)}`,
  });
  const newGrantHref = `/grants/new?serverId=${encodeURIComponent(server.id)}`;
  const canCreateGrant = can(session.role, "issue_grant_tokens");

  return (
    <DashboardShell session={session}>
      <PageHeader
        title={server.name}
        description={
          <Link href="/servers" className={linkClass}>
            ← All servers
          </Link>
        }
        actions={
          <>
            {can(session.role, "manage_policies") ? (
              <Link
                href={`/policies/new?serverId=${encodeURIComponent(server.id)}`}
                className={secondaryButtonClass}
              >
                New policy for this server
              </Link>
            ) : null}
            {canCreateGrant ? (
              <Link href={newGrantHref} className={secondaryButtonClass}>
                Create grant for this server
              </Link>
            ) : null}
          </>
        }
      />

      <section className={`${cardClass} mb-8 p-6`} aria-labelledby="connection-heading">
        <h2 id="connection-heading" className="mb-4 text-base font-semibold text-slate-900">
          Connection
        </h2>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-[12rem_1fr]">
          <Detail term="Status">
            <ServerStatusBadge status={server.status} />
          </Detail>
          <Detail term="Transport">{TRANSPORT_LABELS[server.transport]}</Detail>
          {server.transport === "stdio" ? (
            <>
              <Detail term="Command">
                <code className="font-mono text-xs">{[server.command, ...server.args].join(" ")}</code>
              </Detail>
              <Detail term="Environment variables">
                {server.hasEnv ? "Stored encrypted (not shown)" : "None"}
              </Detail>
            </>
          ) : (
            <>
              <Detail term="URL">
                <code className="break-all font-mono text-xs">{server.url}</code>
              </Detail>
              <Detail term="Headers">{server.hasHeaders ? "Stored encrypted (not shown)" : "None"}</Detail>
            </>
          )}
          <Detail term="Reports itself as">
            {server.serverName
              ? `${server.serverName} ${server.serverVersion ?? ""}`.trim()
              : "Not connected yet"}
          </Detail>
          <Detail term="Last discovery">
            {server.discoveredAt ? formatDateTime(server.discoveredAt) : "Never"}
          </Detail>
          {server.status === "error" && server.lastError ? (
            <Detail term="Last error">
              <span className="break-words text-red-700" data-testid="server-last-error">
                {server.lastError}
              </span>
            </Detail>
          ) : null}
        </dl>
        {can(session.role, "manage_servers") ? (
          <div className="mt-6 border-t border-slate-100 pt-4">
            <DiscoverForm serverId={server.id} />
          </div>
        ) : null}
      </section>

      <OAuthSection
        orgId={session.orgId}
        serverId={server.id}
        canManage={can(session.role, "manage_servers")}
        outcome={OAuthOutcomeSchema.parse(query)}
      />

      <CredentialsSection
        orgId={session.orgId}
        serverId={server.id}
        canManage={can(session.role, "manage_servers")}
      />

      <ServerToolsSection serverPath={serverPath} rows={rows} filters={filters} />

      <section aria-labelledby="grants-heading">
        <h2 id="grants-heading" className="mb-3 text-lg font-semibold text-slate-900">
          Grants for this server
        </h2>
        {grants.length ? (
          <GrantsTable grants={grants} showServer={false} />
        ) : (
          <EmptyState
            title="No grants yet"
            action={
              canCreateGrant ? (
                <Link href={newGrantHref} className={primaryButtonClass}>
                  Create a grant
                </Link>
              ) : null
            }
          >
            A grant gives one agent a URL to reach this server, with a policy saying which tools it may call.
          </EmptyState>
        )}
      </section>
    </DashboardShell>
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
