import { listServers } from "@gatehouse/core/servers/list-servers";
import type { Metadata } from "next";
import Link from "next/link";
import { DashboardShell } from "@/components/layout/dashboard-shell";
import { ServerStatusBadge } from "@/components/servers/server-status-badge";
import { TRANSPORT_LABELS } from "@/components/servers/transport-label";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { linkClass, primaryButtonClass, secondaryButtonClass } from "@/components/ui/styles";
import { formatDateTime } from "@/lib/format";
import { can } from "@/server/auth/permissions";
import { requireSession } from "@/server/auth/session";
import { getServices } from "@/server/services";

export const metadata: Metadata = { title: "Servers" };

// The one template so far; with more, this becomes a page listing them.
const TEMPLATE_HREF = "/servers/templates/mlflow";

export default async function ServersPage() {
  const session = await requireSession();
  const servers = await listServers({ db: getServices().db, orgId: session.orgId });
  const actions = (
    <>
      <Link href={TEMPLATE_HREF} className={secondaryButtonClass}>
        Start from a template
      </Link>
      {can(session.role, "manage_servers") ? (
        <Link href="/servers/new" className={primaryButtonClass}>
          Register server
        </Link>
      ) : null}
    </>
  );

  return (
    <DashboardShell session={session}>
      <PageHeader
        title="Servers"
        description="The MCP servers your agents reach through Gatehouse."
        actions={servers.length ? actions : null}
      />
      {servers.length === 0 ? (
        <EmptyState
          title="Register your first server"
          action={<div className="flex flex-wrap justify-center gap-2">{actions}</div>}
        >
          Add an MCP server by URL (or as a local command, if your operator allows it), then connect to
          discover its tools and issue grants to your agents. Or start from a known server, such as MLflow,
          and see its tools classified before you connect anything.
        </EmptyState>
      ) : (
        <DataTable
          columns={["Name", "Transport", "Status", "Tools", "Active grants", "Registered"]}
          spacing="roomy"
          numericColumns={["Tools", "Active grants"]}
        >
          {servers.map((server) => (
            <tr key={server.id} data-testid="server-row">
              <td className="px-4 py-3">
                <Link href={`/servers/${server.id}`} className={linkClass}>
                  {server.name}
                </Link>
                <div className="mt-0.5 max-w-xs truncate font-mono text-xs text-slate-500">
                  {server.url ?? server.command}
                </div>
              </td>
              <td className="px-4 py-3 text-slate-700">{TRANSPORT_LABELS[server.transport]}</td>
              <td className="px-4 py-3">
                <ServerStatusBadge status={server.status} />
              </td>
              <td className="px-4 py-3 text-right tabular-nums">{server._count.tools}</td>
              <td className="px-4 py-3 text-right tabular-nums">{server._count.grants}</td>
              <td className="whitespace-nowrap px-4 py-3 text-slate-600">
                {formatDateTime(server.createdAt)}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </DashboardShell>
  );
}
