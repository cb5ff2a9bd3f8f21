import type { listWebhookDeliveries } from "@gatehouse/core/webhooks/list-webhook-deliveries";
import type { WebhookDeliveryStatus } from "@gatehouse/db/models";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { cardClass } from "@/components/ui/styles";
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
    <div className={`${cardClass} overflow-x-auto`}>
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="webhook-deliveries">
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-4 py-3">Time</th>
            <th className="px-4 py-3">Event</th>
            <th className="px-4 py-3">Status</th>
            <th className="px-4 py-3">Attempts</th>
            <th className="px-4 py-3">HTTP status</th>
            <th className="px-4 py-3">Error</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {deliveries.map((delivery) => (
            <tr key={delivery.id} data-testid="webhook-delivery-row">
              <td className="whitespace-nowrap px-4 py-3 text-slate-600">
                {formatDateTime(delivery.createdAt)}
              </td>
              <td className="px-4 py-3 font-mono text-xs text-slate-800">{delivery.event}</td>
              <td className="px-4 py-3">
                <Badge
                  tone={STATUS_BADGES[delivery.status].tone}
                  title={STATUS_BADGES[delivery.status].title}
                >
                  {delivery.status}
                </Badge>
              </td>
              <td className="px-4 py-3 text-slate-600">{delivery.attempts}</td>
              <td className="px-4 py-3 text-slate-600">{delivery.responseStatus ?? "—"}</td>
              <td className="max-w-sm break-words px-4 py-3 text-xs text-slate-600">
                {delivery.error ?? ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
