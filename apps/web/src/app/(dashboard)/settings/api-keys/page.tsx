import { listApiKeys } from "@gatehouse/core/api-keys/list-api-keys";
import type { Metadata } from "next";
import Link from "next/link";
import { DashboardShell } from "@/components/layout/dashboard-shell";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { RoleRequired } from "@/components/ui/role-required";
import { linkClass } from "@/components/ui/styles";
import { canManageApiKeys } from "@/server/api/api-key-role";
import { requireSession } from "@/server/auth/session";
import { getServices } from "@/server/services";
import { SettingsNav } from "../settings-nav";
import { ApiKeysTable } from "./api-keys-table";
import { CreateApiKeyForm } from "./create-api-key-form";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const session = await requireSession();
  const description = (
    <>
      Keys for the{" "}
      <Link href="/docs/api" className={linkClass}>
        REST API
      </Link>
      , to manage servers, policies and grants as code. A key acts for the whole organisation with the admin
      role.
    </>
  );
  // Checked here as well as in each action: the list itself tells who automates what.
  if (!canManageApiKeys(session.role)) {
    return (
      <DashboardShell session={session}>
        <SettingsNav />
        <PageHeader title="API keys" description={description} />
        <RoleRequired title="Only owners and admins can manage API keys">
          Ask an owner or admin of your organisation for a key.
        </RoleRequired>
      </DashboardShell>
    );
  }
  const apiKeys = await listApiKeys({ db: getServices().db, orgId: session.orgId });
  return (
    <DashboardShell session={session}>
      <SettingsNav />
      <PageHeader title="API keys" description={description} />
      <div className="space-y-6">
        <CreateApiKeyForm />
        {apiKeys.length === 0 ? (
          <EmptyState title="No API keys yet">
            Create one above for your CI or scripts; it is shown once, so copy it into your secret store.
          </EmptyState>
        ) : (
          <ApiKeysTable apiKeys={apiKeys} />
        )}
      </div>
    </DashboardShell>
  );
}
