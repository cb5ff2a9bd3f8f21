import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import {
  ErrorCode,
  ListResourceTemplatesRequestSchema,
  McpError,
  PingRequestSchema,
} from "@modelcontextprotocol/sdk/types.js";
import { type AuditOutcome, buildAuditEvent } from "../audit/build-audit-event";
import { forwardUpstream } from "./forward-upstream";
import type { GatewayDeps, RequestContext } from "./gateway-deps";
import type { HandlerExtra } from "./request-context";

/**
 * Answers the requests no policy section governs, auditing each so the log holds every request
 * of a session: `ping` (answered here), `resources/templates/list` (forwarded when the upstream
 * has resources), and any method Gatehouse does not offer (refused as the SDK would, but logged
 * as denied so probing shows up).
 */
export function registerUngoverned(
  server: Server,
  deps: GatewayDeps,
  options: { hasResources: boolean; contextOf: (extra: HandlerExtra) => RequestContext },
): void {
  const audit = (context: RequestContext, outcome: AuditOutcome) =>
    deps.recordAudit(
      buildAuditEvent({
        grant: deps.sessionGrant,
        caller: context.caller,
        startedAtMs: context.receivedAtMs,
        nowMs: deps.now(),
        outcome,
      }),
    );
  server.setRequestHandler(PingRequestSchema, (_request, extra) => {
    audit(options.contextOf(extra), { method: "ping", decision: "allow" });
    return {};
  });
  if (options.hasResources) {
    server.setRequestHandler(ListResourceTemplatesRequestSchema, async (request, extra) => {
      const context = options.contextOf(extra);
      const forwarded = await forwardUpstream(deps.now, () =>
        deps.upstream.listResourceTemplates(request.params, { timeout: deps.upstreamTimeoutMs }),
      );
      audit(context, { method: "resources/templates/list", decision: "allow", ...forwarded.outcome });
      if (!forwarded.isOk) throw forwarded.error;
      return forwarded.result;
    });
  }
  server.fallbackRequestHandler = async (request, extra) => {
    const reason = `Gatehouse does not offer ${JSON.stringify(request.method)} on this server.`;
    audit(options.contextOf(extra), {
      method: request.method,
      decision: "deny",
      rule: "(method not offered)",
      reason,
    });
    throw new McpError(ErrorCode.MethodNotFound, "Method not found");
  };
}
