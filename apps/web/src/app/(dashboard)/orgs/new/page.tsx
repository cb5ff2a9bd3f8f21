import type { Metadata } from "next";
import { DashboardShell } from "@/components/layout/dashboard-shell";
import { PageHeader } from "@/components/ui/page-header";
import { requireSession } from "@/server/auth/session";
import { CreateOrganizationForm } from "./create-organization-form";

export const metadata: Metadata = { title: "Create organisation" };

/** Any signed-in user may create an organisation; they become its owner. */
export default async function NewOrganizationPage() {
  const session = await requireSession();
  return (
    <DashboardShell session={session}>
      <PageHeader
        title="Create organisation"
        description="A separate space with its own servers, policies, grants, audit log and members. You will be its owner, and the dashboard switches to it."
      />
      <CreateOrganizationForm />
    </DashboardShell>
  );
}
