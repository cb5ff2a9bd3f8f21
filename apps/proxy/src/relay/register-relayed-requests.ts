import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import {
  type CompleteRequest,
  CompleteRequestSchema,
  CompleteResultSchema,
  EmptyResultSchema,
  type ServerCapabilities,
  SetLevelRequestSchema,
  SubscribeRequestSchema,
  UnsubscribeRequestSchema,
} from "@modelcontextprotocol/sdk/types.js";
import { forwardUpstream } from "../mcp/forward-upstream";
import type { GatewayDeps, RequestContext } from "../mcp/gateway-deps";
import type { HandlerExtra } from "../mcp/request-context";
import { requireLiveGrant } from "../mcp/require-live-grant";
import { auditSessionEvent } from "./audit-session-event";
import { governAccess } from "./govern-access";
import { sendUpstream } from "./send-upstream";

/**
 * The agent's requests beyond tools, reads, gets and lists, each registered when the gateway
 * offers it: resource subscriptions (governed like reading the URI), completions (governed like
 * the prompt or resource they complete) and `logging/setLevel` (forwarded, not governed).
 */
export function registerRelayedRequests(
  server: Server,
  deps: GatewayDeps,
  options: { capabilities: ServerCapabilities; contextOf: (extra: HandlerExtra) => RequestContext },
): void {
  const { capabilities, contextOf } = options;
  if (capabilities.resources?.subscribe) {
    for (const schema of [SubscribeRequestSchema, UnsubscribeRequestSchema]) {
      server.setRequestHandler(schema, (request, extra) => {
        const context = contextOf(extra);
        return governAccess(deps, {
          kind: "resource",
          method: request.method,
          name: request.params.uri,
          args: { uri: request.params.uri },
          request: context,
          forward: () => sendUpstream(deps, context, request, EmptyResultSchema),
        });
      });
    }
  }
  if (capabilities.completions) {
    server.setRequestHandler(CompleteRequestSchema, (request, extra) => {
      const context = contextOf(extra);
      return governAccess(deps, {
        ...completedItem(request),
        method: request.method,
        request: context,
        forward: () => sendUpstream(deps, context, request, CompleteResultSchema),
      });
    });
  }
  if (capabilities.logging) {
    server.setRequestHandler(SetLevelRequestSchema, async (request, extra) => {
      const context = contextOf(extra);
      await requireLiveGrant(deps, { method: request.method, context });
      const forwarded = await forwardUpstream(deps.now, () =>
        sendUpstream(deps, context, request, EmptyResultSchema),
      );
      const reason = `Level ${request.params.level}, set on the upstream server.`;
      auditSessionEvent(deps, context, {
        method: request.method,
        decision: "allow",
        reason,
        ...forwarded.outcome,
      });
      if (!forwarded.isOk) throw forwarded.error;
      return forwarded.result;
    });
  }
}

// A completion is about the prompt, or the resource template, it completes an argument of; its
// arguments are the ones already given and the one being typed.
function completedItem(request: CompleteRequest) {
  const { ref, argument, context } = request.params;
  const args = { ...context?.arguments, [argument.name]: argument.value };
  return ref.type === "ref/prompt"
    ? { kind: "prompt" as const, name: ref.name, args }
    : { kind: "resource" as const, name: ref.uri, args };
}
