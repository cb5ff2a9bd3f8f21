import type { Metadata } from "next";
import Link from "next/link";
import { DashboardShell } from "@/components/layout/dashboard-shell";
import { FormError } from "@/components/ui/form-message";
import { PageHeader } from "@/components/ui/page-header";
import { linkClass } from "@/components/ui/styles";
import { can } from "@/server/auth/permissions";
import { requireSession } from "@/server/auth/session";
import { getServices } from "@/server/services";
import { RegisterServerForm } from "./register-server-form";

export const metadata: Metadata = { title: "Register server" };

export default async function NewServerPage() {
  const session = await requireSession();
  const { env } = getServices();
  return (
    <DashboardShell session={session}>
      <PageHeader
        title="Register server"
        description={
          <>
            Tell Gatehouse how to reach an MCP server. Nothing is called yet; you connect on the next page.{" "}
            <Link href="/servers" className={linkClass}>
              Back to servers
            </Link>
          </>
        }
      />
      {can(session.role, "manage_servers") ? (
        <RegisterServerForm allowStdio={env.GATEHOUSE_ALLOW_STDIO} />
      ) : (
        <FormError message="Your role does not allow registering servers. Ask an owner or admin of your organisation." />
      )}
    </DashboardShell>
  );
}
