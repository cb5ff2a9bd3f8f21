import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import {
  type ClientCapabilities,
  CreateMessageRequestSchema,
  CreateMessageResultSchema,
  ElicitRequestSchema,
  ElicitResultSchema,
  ErrorCode,
  ListRootsRequestSchema,
  ListRootsResultSchema,
  McpError,
} from "@modelcontextprotocol/sdk/types.js";
import { forwardUpstream } from "../mcp/forward-upstream";
import type { GatewayDeps } from "../mcp/gateway-deps";
import { requireLiveGrant } from "../mcp/require-live-grant";
import { auditSessionEvent, sessionCaller } from "./audit-session-event";

// The upstream decides how long a person may take to answer an elicitation, and its
// cancellation is relayed; this only bounds a request the upstream never gives up on.
const AGENT_ANSWER_TIMEOUT_MS = 10 * 60_000;

const RELAYED = [
  { capability: "sampling", schema: CreateMessageRequestSchema, result: CreateMessageResultSchema },
  { capability: "elicitation", schema: ElicitRequestSchema, result: ElicitResultSchema },
  { capability: "roots", schema: ListRootsRequestSchema, result: ListRootsResultSchema },
] as const;

/**
 * Relays the upstream's requests to the agent (sampling, elicitation, roots) for each capability
 * the agent declared, once the agent's session is initialized, and the agent's answer back; each
 * is audited, and refused while the grant is not live. Any other request from the upstream is
 * answered -32601 and audited, so nothing it sends goes unanswered.
 */
export function relayServerRequests(
  server: Server,
  deps: GatewayDeps,
  agentCapabilities: ClientCapabilities,
): void {
  const agentReady = new Promise<void>((resolve) => {
    server.oninitialized = resolve;
  });
  const contextOf = () => {
    const context = deps.agentRequests.current();
    return { context, caller: context?.caller ?? sessionCaller(server, deps), receivedAtMs: deps.now() };
  };
  const upstream: Client = deps.upstream;
  for (const relayed of RELAYED) {
    if (!agentCapabilities[relayed.capability]) continue;
    upstream.setRequestHandler(relayed.schema, async (request, extra) => {
      const { context, ...audited } = contextOf();
      await requireLiveGrant(deps, { method: request.method, context: audited });
      await agentReady;
      const options = { signal: extra.signal, timeout: AGENT_ANSWER_TIMEOUT_MS };
      // Sent alongside the agent request it belongs to, else on the agent's own stream.
      const answered = await forwardUpstream(deps.now, () =>
        (context
          ? context.sendRequest(request, relayed.result, options)
          : server.request(request, relayed.result, options)
        ).catch(describeAgentFailure),
      );
      const reason = "Sent by the upstream server; relayed to the agent, whose answer went back upstream.";
      auditSessionEvent(deps, audited, {
        method: request.method,
        decision: "allow",
        rule: "(relayed to agent)",
        reason,
        ...answered.outcome,
      });
      if (!answered.isOk) throw answered.error;
      return answered.result;
    });
  }
  upstream.fallbackRequestHandler = async (request) => {
    const relayed = RELAYED.find((item) => item.schema.shape.method.value === request.method);
    const why = relayed
      ? `the agent did not declare the "${relayed.capability}" capability when it connected`
      : "Gatehouse relays only sampling, elicitation and roots requests to agents";
    const reason = `Gatehouse does not relay "${request.method}" to the agent: ${why}.`;
    auditSessionEvent(deps, contextOf(), {
      method: request.method,
      decision: "deny",
      rule: "(method not relayed)",
      reason,
    });
    throw new McpError(ErrorCode.MethodNotFound, reason);
  };
}

// The agent's own errors go back upstream as they are; a failure to reach it says so.
function describeAgentFailure(error: unknown): never {
  if (error instanceof McpError) throw error;
  const message = error instanceof Error ? error.message : String(error);
  throw new McpError(ErrorCode.InternalError, `Gatehouse could not reach the agent: ${message}`);
}
