import { getWebhook } from "@gatehouse/core/webhooks/get-webhook";
import { listWebhookDeliveries } from "@gatehouse/core/webhooks/list-webhook-deliveries";
import type { Metadata } from "next";
import Link from "next/link";
import { DashboardShell } from "@/components/layout/dashboard-shell";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { cardClass, linkClass } from "@/components/ui/styles";
import { can } from "@/server/auth/permissions";
import { requireSession } from "@/server/auth/session";
import { getServices } from "@/server/services";
import { SettingsNav } from "../settings-nav";
import { DeliveriesTable } from "./deliveries-table";
import { EndpointSummary } from "./endpoint-summary";
import { VerifySignatureHelp } from "./verify-signature-help";
import { WebhookControls } from "./webhook-controls";
import { WebhookUrlForm } from "./webhook-url-form";

export const metadata: Metadata = { title: "Webhooks" };

const PAGE_PATH = "/settings/webhooks";

export default async function WebhooksPage() {
  const session = await requireSession();
  const { db } = getServices();
  const [webhook, deliveries] = await Promise.all([
    getWebhook({ db, orgId: session.orgId }),
    listWebhookDeliveries({ db, orgId: session.orgId }),
  ]);
  const canManage = can(session.role, "manage_webhooks");
  return (
    <DashboardShell session={session}>
      <SettingsNav />
      <PageHeader
        title="Webhooks"
        description="Gatehouse sends each new approval request to your organisation's webhook, so you can route it to chat or paging. Messages are signed, and name the call's arguments without their values."
      />
      <div className="space-y-6">
        {canManage ? (
          <>
            <WebhookUrlForm webhook={webhook} />
            <WebhookControls webhook={webhook} />
          </>
        ) : (
          <ReadOnlyEndpoint webhook={webhook} />
        )}
        <VerifySignatureHelp />
        <section aria-labelledby="deliveries-heading" className="space-y-3">
          <div className="flex items-center justify-between gap-4">
            <h2 id="deliveries-heading" className="text-base font-semibold text-slate-900">
              Delivery log
            </h2>
            <Link href={PAGE_PATH} className={linkClass} prefetch={false}>
              Refresh
            </Link>
          </div>
          {deliveries.length ? (
            <DeliveriesTable deliveries={deliveries} />
          ) : (
            <EmptyState title="No deliveries yet">
              Each new approval request, and each test you send, is listed here with how the receiver
              answered.
            </EmptyState>
          )}
        </section>
      </div>
    </DashboardShell>
  );
}

function ReadOnlyEndpoint({ webhook }: { webhook: Awaited<ReturnType<typeof getWebhook>> }) {
  return (
    <section aria-labelledby="endpoint-heading" className={`${cardClass} space-y-3 p-6`}>
      <EndpointSummary webhook={webhook} />
      <p className="break-all font-mono text-sm text-slate-800">
        {webhook ? `${new URL(webhook.url).origin}/…` : "No webhook is set up."}
      </p>
      <p
        role="note"
        className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700"
      >
        You can see where the webhook sends and its delivery log. Its full URL can carry the receiver's token,
        so only owners and admins of your organisation see it and can change it.
      </p>
    </section>
  );
}
