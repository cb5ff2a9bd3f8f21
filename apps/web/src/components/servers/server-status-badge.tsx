import type { ServerStatus } from "@gatehouse/db/models";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const STATUS: Record<ServerStatus, { tone: BadgeTone; label: string }> = {
  new: { tone: "slate", label: "Not connected yet" },
  connected: { tone: "green", label: "Connected" },
  error: { tone: "red", label: "Error" },
};

/** A server's connection status as of its last "Connect & discover". */
export function ServerStatusBadge({ status }: { status: ServerStatus }) {
  return <Badge tone={STATUS[status].tone}>{STATUS[status].label}</Badge>;
}
