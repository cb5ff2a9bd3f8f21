import type { AnySchema, SchemaOutput } from "@modelcontextprotocol/sdk/server/zod-compat.js";
import type { RequestOptions } from "@modelcontextprotocol/sdk/shared/protocol.js";
import type { ClientRequest } from "@modelcontextprotocol/sdk/types.js";
import type { GatewayDeps, RequestContext } from "../mcp/gateway-deps";
import { AgentCancelled } from "../mcp/upstream-errors";

/**
 * Sends the agent's request upstream on its behalf: cancelled upstream when the agent cancels it
 * (or disconnects), its progress relayed under the agent's own progress token, and whatever the
 * upstream sends while answering it tied to it.
 */
export async function sendUpstream<S extends AnySchema>(
  deps: Pick<GatewayDeps, "upstream" | "upstreamTimeoutMs" | "agentRequests">,
  context: RequestContext,
  request: ClientRequest,
  resultSchema: S,
): Promise<SchemaOutput<S>> {
  const progressToken = context._meta?.progressToken;
  const options: RequestOptions = {
    timeout: deps.upstreamTimeoutMs,
    signal: context.signal,
    // The upstream gets a token of the gateway's own; its progress goes back under the agent's.
    ...(progressToken === undefined
      ? {}
      : {
          onprogress: (progress) =>
            void context
              .sendNotification({ method: "notifications/progress", params: { ...progress, progressToken } })
              .catch(() => undefined),
        }),
  };
  try {
    return await deps.agentRequests.forward(context, () =>
      deps.upstream.request(request, resultSchema, options),
    );
  } catch (error) {
    if (context.signal.aborted) throw new AgentCancelled(context.signal.reason);
    throw error;
  }
}
