import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import {
  ElicitationCompleteNotificationSchema,
  LoggingMessageNotificationSchema,
  type Notification,
  PromptListChangedNotificationSchema,
  ResourceListChangedNotificationSchema,
  ResourceUpdatedNotificationSchema,
  RootsListChangedNotificationSchema,
  type ServerNotification,
} from "@modelcontextprotocol/sdk/types.js";
import type { GatewayDeps } from "../mcp/gateway-deps";
import { auditSessionEvent, sessionCaller } from "./audit-session-event";

// Relayed from the upstream to the agent. Progress and cancellation are relayed with the request
// they belong to (see sendUpstream), and tools/list_changed where the session opens, since it also
// re-reads the catalogue.
const TO_AGENT = [
  LoggingMessageNotificationSchema,
  ResourceUpdatedNotificationSchema,
  ResourceListChangedNotificationSchema,
  PromptListChangedNotificationSchema,
  ElicitationCompleteNotificationSchema,
];

/**
 * Relays notifications both ways: the upstream's logs, resource updates and list changes to the
 * agent (alongside the agent request they belong to, else on the agent's own stream), and the
 * agent's roots changes upstream. A notification that is not relayed cannot be answered, so it
 * is logged and audited as denied instead of vanishing.
 */
export function relayNotifications(server: Server, deps: GatewayDeps): void {
  const refuse = (notification: Notification, why: string) => {
    const reason = `Gatehouse did not relay "${notification.method}": ${why}.`;
    deps.logger.warn({ method: notification.method, grantId: deps.sessionGrant.grantId }, reason);
    auditSessionEvent(
      deps,
      { caller: sessionCaller(server, deps), receivedAtMs: deps.now() },
      { method: notification.method, decision: "deny", rule: "(notification not relayed)", reason },
    );
  };
  const toAgent = async (notification: ServerNotification) => {
    const context = deps.agentRequests.current();
    try {
      await (context ? context.sendNotification(notification) : server.notification(notification));
    } catch (error) {
      refuse(notification, error instanceof Error ? error.message : String(error));
    }
  };
  for (const schema of TO_AGENT) deps.upstream.setNotificationHandler(schema, toAgent);
  deps.upstream.fallbackNotificationHandler = async (notification) =>
    refuse(notification, "Gatehouse does not relay this notification from the upstream server to agents");
  server.setNotificationHandler(RootsListChangedNotificationSchema, () =>
    deps.upstream
      .sendRootsListChanged()
      .catch((error: unknown) =>
        refuse(
          { method: "notifications/roots/list_changed" },
          error instanceof Error ? error.message : String(error),
        ),
      ),
  );
  server.fallbackNotificationHandler = async (notification) =>
    refuse(notification, "Gatehouse does not relay this notification from agents to the upstream server");
}
