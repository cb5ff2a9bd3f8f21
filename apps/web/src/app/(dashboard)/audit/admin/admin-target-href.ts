import type { AdminEvent } from "@gatehouse/db/models";

/**
 * Where the dashboard shows an event's target, or null when it has no page (a user). A target
 * deleted since simply leads to the page's own "not found".
 */
export function adminTargetHref(
  event: Pick<AdminEvent, "targetType" | "targetId" | "details">,
): string | null {
  const id = event.targetId;
  switch (event.targetType) {
    case "server":
      return id ? `/servers/${id}` : null;
    case "policy":
      return id ? `/policies/${id}` : null;
    case "grant":
      return id ? `/grants/${id}` : null;
    case "approval":
      return id ? `/approvals/${id}` : null;
    case "tool": {
      // A tool's page lives under its server, which the event names in its details.
      const serverId = detailText(event.details, "serverId");
      return id && serverId ? `/servers/${serverId}/tools/${id}` : null;
    }
    case "api_key":
      return "/settings/api-keys";
    case "webhook":
      return "/settings/webhooks";
    case "member":
    case "invitation":
      return "/settings/members";
    case "organization":
      return "/settings/audit";
    default:
      return null;
  }
}

function detailText(details: AdminEvent["details"], key: string): string | null {
  if (typeof details !== "object" || details === null || Array.isArray(details)) return null;
  const value = details[key];
  return typeof value === "string" ? value : null;
}
