import { listTools } from "@gatehouse/core/catalogue/list-tools";
import { listServers } from "@gatehouse/core/servers/list-servers";
import { DEFAULT_POLICY } from "@gatehouse/policy/default-policy";
import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { DashboardShell } from "@/components/layout/dashboard-shell";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { RoleRequired } from "@/components/ui/role-required";
import { linkClass, primaryButtonClass } from "@/components/ui/styles";
import { formatPolicyDocument } from "@/lib/policy-json";
import { can } from "@/server/auth/permissions";
import { requireSession } from "@/server/auth/session";
import { toEditorCatalogue } from "@/server/policies/load-catalogue";
import { recommendForCatalogue } from "@/server/policies/recommend-for-catalogue";
import { getServices } from "@/server/services";
import { NewPolicyForm, type ServerCatalogue } from "./new-policy-form";

export const metadata: Metadata = { title: "New policy" };

const SearchSchema = z.object({ serverId: z.string().optional().catch(undefined) });

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NewPolicyPage({ searchParams }: Props) {
  const session = await requireSession();
  const { serverId } = SearchSchema.parse(await searchParams);
  const { db } = getServices();
  const servers = await listServers({ db, orgId: session.orgId });
  const catalogues: ServerCatalogue[] = await Promise.all(
    servers.map(async (server) => {
      const tools = await listTools({ db, orgId: session.orgId, serverId: server.id });
      return {
        id: server.id,
        name: server.name,
        tools: toEditorCatalogue(tools),
        recommended: recommendForCatalogue(tools),
      };
    }),
  );
  // Preselect only a server of this organisation; with a single server there is nothing to choose.
  const defaultServerId = catalogues.some((server) => server.id === serverId)
    ? (serverId ?? "")
    : catalogues.length === 1
      ? (catalogues[0]?.id ?? "")
      : "";

  return (
    <DashboardShell session={session}>
      <PageHeader
        title="New policy"
        description={
          <>
            Start from “deny everything” and allow what the agent needs.{" "}
            <Link href="/policies" className={linkClass}>
              Back to policies
            </Link>
          </>
        }
      />
      {!can(session.role, "manage_policies") ? (
        <RoleRequired title="Only owners, admins and policy managers can create policies">
          Ask one of them to create it.
        </RoleRequired>
      ) : catalogues.length === 0 ? (
        <EmptyState
          title="Register a server first"
          action={
            <Link href="/servers/new" className={primaryButtonClass}>
              Register server
            </Link>
          }
        >
          A policy governs the tools of one server, so you need at least one.
        </EmptyState>
      ) : (
        <NewPolicyForm
          servers={catalogues}
          defaultServerId={defaultServerId}
          defaultDocument={formatPolicyDocument(DEFAULT_POLICY)}
        />
      )}
    </DashboardShell>
  );
}
