import { listPolicies } from "@gatehouse/core/policies/list-policies";
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
import { loadCatalogue } from "@/server/policies/load-catalogue";
import { getServices } from "@/server/services";
import { CreateGrantForm, type ServerOption } from "./create-grant-form";

export const metadata: Metadata = { title: "Create grant" };

const SearchSchema = z.object({ serverId: z.string().optional().catch(undefined) });

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NewGrantPage({ searchParams }: Props) {
  const session = await requireSession();
  const { serverId } = SearchSchema.parse(await searchParams);
  const { db } = getServices();
  const [servers, policies] = await Promise.all([
    listServers({ db, orgId: session.orgId }),
    listPolicies({ db, orgId: session.orgId }),
  ]);
  const options: ServerOption[] = await Promise.all(
    servers.map(async (server) => ({
      id: server.id,
      name: server.name,
      tools: await loadCatalogue({ db, orgId: session.orgId, serverId: server.id }),
      policies: policies
        .filter((policy) => policy.server.id === server.id)
        .map(({ id, name, currentVersion }) => ({ id, name, currentVersion })),
    })),
  );
  // Preselect only a server of this organisation; an unknown id just leaves the choice open.
  const defaultServerId = options.some((option) => option.id === serverId) ? (serverId ?? "") : "";

  return (
    <DashboardShell session={session}>
      <PageHeader
        title="Create grant"
        description={
          <>
            A grant gives one agent its own URL to one server, and a policy deciding which tools it may call.{" "}
            <Link href="/grants" className={linkClass}>
              Back to grants
            </Link>
          </>
        }
      />
      {!can(session.role, "issue_grant_tokens") ? (
        <RoleRequired title="Only owners and admins can create grants">
          Creating a grant shows its token, which is a credential. Ask an owner or admin of your organisation.
        </RoleRequired>
      ) : options.length === 0 ? (
        <EmptyState
          title="Register a server first"
          action={
            <Link href="/servers/new" className={primaryButtonClass}>
              Register server
            </Link>
          }
        >
          Grants give agents access to one of your servers, so you need at least one.
        </EmptyState>
      ) : (
        <CreateGrantForm
          servers={options}
          defaultServerId={defaultServerId}
          defaultPolicy={formatPolicyDocument(DEFAULT_POLICY)}
        />
      )}
    </DashboardShell>
  );
}
