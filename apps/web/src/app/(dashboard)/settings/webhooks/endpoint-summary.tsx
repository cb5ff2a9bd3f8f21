import { Badge } from "@/components/ui/badge";

/** The webhook's state at a glance: enabled or not, and which secret signs its messages. */
export function EndpointSummary({
  webhook,
}: {
  webhook: { isEnabled: boolean; secretPrefix: string } | null;
}) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <h2 id="endpoint-heading" className="text-base font-semibold text-slate-900">
        Endpoint
      </h2>
      {webhook ? (
        <div className="flex items-center gap-3 text-sm text-slate-600">
          <span>
            Signing secret <code className="font-mono text-xs">{webhook.secretPrefix}…</code>
          </span>
          <Badge tone={webhook.isEnabled ? "green" : "slate"} testId="webhook-status">
            {webhook.isEnabled ? "Enabled" : "Disabled"}
          </Badge>
        </div>
      ) : null}
    </div>
  );
}
