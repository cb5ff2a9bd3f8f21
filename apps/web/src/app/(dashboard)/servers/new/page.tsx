import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { DashboardShell } from "@/components/layout/dashboard-shell";
import { PageHeader } from "@/components/ui/page-header";
import { RoleRequired } from "@/components/ui/role-required";
import { linkClass } from "@/components/ui/styles";
import { can } from "@/server/auth/permissions";
import { requireSession } from "@/server/auth/session";
import { getServices } from "@/server/services";
import { findServerTemplate, type ServerTemplate } from "@/server/templates/server-templates";
import { RegisterServerForm, type TemplateDefaults } from "./register-server-form";

export const metadata: Metadata = { title: "Register server" };

const SearchSchema = z.object({ template: z.string().optional().catch(undefined) });

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NewServerPage({ searchParams }: Props) {
  const session = await requireSession();
  const { env } = getServices();
  const template = findServerTemplate(SearchSchema.parse(await searchParams).template);
  // A stdio template cannot be used where stdio is disabled; the template page explains the bridge.
  const isTemplateBlocked = template?.transport === "stdio" && !env.GATEHOUSE_ALLOW_STDIO;
  return (
    <DashboardShell session={session}>
      <PageHeader
        title="Register server"
        description={
          <>
            Tell Gatehouse how to reach an MCP server. Nothing is called yet; you connect on the next page.{" "}
            <Link href="/servers/templates/mlflow" className={linkClass}>
              Start from a template
            </Link>{" "}
            ·{" "}
            <Link href="/servers" className={linkClass}>
              Back to servers
            </Link>
          </>
        }
      />
      {!can(session.role, "manage_servers") ? (
        <RoleRequired title="Only owners and admins can register servers">
          Ask an owner or admin of your organisation to register it.
        </RoleRequired>
      ) : (
        <>
          {template && isTemplateBlocked ? (
            <p
              role="status"
              data-testid="template-stdio-disabled"
              className="mb-6 max-w-2xl rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
            >
              The {template.name} runs as a stdio command, and stdio servers are disabled here. See{" "}
              <Link href={`/servers/templates/${template.id}`} className={linkClass}>
                the template
              </Link>{" "}
              for running it behind an HTTP bridge, then register the bridge's URL below.
            </p>
          ) : null}
          <RegisterServerForm
            allowStdio={env.GATEHOUSE_ALLOW_STDIO}
            template={template && !isTemplateBlocked ? toDefaults(template) : undefined}
          />
        </>
      )}
    </DashboardShell>
  );
}

function toDefaults(template: ServerTemplate): TemplateDefaults {
  return {
    id: template.id,
    name: template.serverName,
    title: template.name,
    transport: template.transport,
    command: template.command,
    args: template.args.join("\n"),
    env: template.requiredEnv.map((name) => `${name}=`).join("\n"),
    requiredEnv: template.requiredEnv,
  };
}
