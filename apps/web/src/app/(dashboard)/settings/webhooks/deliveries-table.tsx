import type { listWebhookDeliveries } from "@gatehouse/core/webhooks/list-webhook-deliveries";
import type { WebhookDeliveryStatus } from "@gatehouse/db/models";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { formatDateTime } from "@/lib/format";

type DeliveryRow = Awaited<ReturnType<typeof listWebhookDeliveries>>[number];

const STATUS_BADGES: Record<WebhookDeliveryStatus, { tone: BadgeTone; title: string }> = {
  pending: { tone: "amber", title: "Not delivered yet; Gatehouse keeps retrying with backoff." },
  delivered: { tone: "green", title: "The receiver answered with a 2xx status." },
  failed: { tone: "red", title: "Every attempt failed; Gatehouse has stopped retrying." },
};

/** The delivery log: what was sent when, and how the receiver answered. */
export function DeliveriesTable({ deliveries }: { deliveries: DeliveryRow[] }) {
  return (
    <DataTable
      columns={["Time", "Event", "Status", "Attempts", "HTTP status", "Error"]}
      testId="webhook-deliveries"
      spacing="roomy"
    >
      {deliveries.map((delivery) => (
        <tr key={delivery.id} data-testid="webhook-delivery-row">
          <td className="whitespace-nowrap px-4 py-3 text-slate-600">{formatDateTime(delivery.createdAt)}</td>
          <td className="px-4 py-3 font-mono text-xs text-slate-800">{delivery.event}</td>
          <td className="px-4 py-3">
            <Badge tone={STATUS_BADGES[delivery.status].tone} title={STATUS_BADGES[delivery.status].title}>
              {delivery.status}
            </Badge>
          </td>
          <td className="px-4 py-3 text-slate-600">{delivery.attempts}</td>
          <td className="px-4 py-3 text-slate-600">{delivery.responseStatus ?? "—"}</td>
          <td className="max-w-sm break-words px-4 py-3 text-xs text-slate-600">{delivery.error ?? ""}</td>
        </tr>
      ))}
    </DataTable>
  );
}
