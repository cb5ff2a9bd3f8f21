import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { ErrorCode, McpError, PingRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { auditSessionEvent } from "../relay/audit-session-event";
import type { GatewayDeps, RequestContext } from "./gateway-deps";
import type { HandlerExtra } from "./request-context";

/**
 * Answers the requests no policy section governs, auditing each so the log holds every request
 * of a session: `ping` (answered here), and any method Gatehouse does not relay, answered -32601
 * with the method's name and logged as denied so probing shows up.
 */
export function registerUngoverned(
  server: Server,
  deps: GatewayDeps,
  options: { contextOf: (extra: HandlerExtra) => RequestContext },
): void {
  server.setRequestHandler(PingRequestSchema, (_request, extra) => {
    auditSessionEvent(deps, options.contextOf(extra), { method: "ping", decision: "allow" });
    return {};
  });
  server.fallbackRequestHandler = async (request, extra) => {
    const reason = `Gatehouse does not relay ${JSON.stringify(request.method)} to this upstream server: it relays only the methods the server declares in its capabilities (tools, resources, prompts, completions, logging) and ping.`;
    auditSessionEvent(deps, options.contextOf(extra), {
      method: request.method,
      decision: "deny",
      rule: "(method not relayed)",
      reason,
    });
    throw new McpError(ErrorCode.MethodNotFound, reason);
  };
}
