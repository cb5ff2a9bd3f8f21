import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import {
  CallToolRequestSchema,
  type ClientCapabilities,
  GetPromptRequestSchema,
  ListPromptsRequestSchema,
  ListPromptsResultSchema,
  ListResourcesRequestSchema,
  ListResourcesResultSchema,
  ListResourceTemplatesRequestSchema,
  ListResourceTemplatesResultSchema,
  ListToolsRequestSchema,
  ListToolsResultSchema,
  ReadResourceRequestSchema,
} from "@modelcontextprotocol/sdk/types.js";
import { checkListedTools } from "../catalogue/check-listed-tools";
import { AgentRequests } from "../relay/agent-requests";
import { registerRelayedRequests } from "../relay/register-relayed-requests";
import { relayNotifications } from "../relay/relay-notifications";
import { relayServerRequests } from "../relay/relay-server-requests";
import { gatewayServerCapabilities } from "../relay/relayed-capabilities";
import { sendUpstream } from "../relay/send-upstream";
import type { GatewayDeps } from "./gateway-deps";
import { handleCallTool } from "./handle-call-tool";
import { handleGetPrompt } from "./handle-get-prompt";
import { handleList } from "./handle-list";
import { handleReadResource } from "./handle-read-resource";
import { registerUngoverned } from "./register-ungoverned";
import { type HandlerExtra, requestContext } from "./request-context";

/**
 * The MCP server an agent talks to for one session. It presents the upstream's identity and
 * instructions, offers what the upstream offers under the grant's policy, and relays what the
 * upstream sends back (requests to the agent the agent declared it can answer, and notifications).
 * Every request it answers is audited. `agentCapabilities` are what the agent declared in `initialize`.
 */
export function createGatewayServer(
  options: Omit<GatewayDeps, "agentRequests"> & { agentCapabilities: ClientCapabilities },
): Server {
  const { agentCapabilities, ...sessionDeps } = options;
  const deps: GatewayDeps = { ...sessionDeps, agentRequests: new AgentRequests() };
  const upstreamInfo = deps.upstream.getServerVersion();
  const capabilities = gatewayServerCapabilities(deps.upstream.getServerCapabilities() ?? {});
  const instructions = deps.upstream.getInstructions();
  const server = new Server(
    { name: upstreamInfo?.name ?? "gatehouse", version: upstreamInfo?.version ?? "0.0.0" },
    { capabilities, ...(instructions ? { instructions } : {}) },
  );
  const contextOf = (extra: HandlerExtra) => {
    const context = requestContext(server, extra, deps.now());
    deps.agentRequests.seen(context);
    return context;
  };

  server.setRequestHandler(ListToolsRequestSchema, (request, extra) => {
    const context = contextOf(extra);
    return handleList(
      deps,
      {
        kind: "tool",
        method: request.method,
        fetch: () => sendUpstream(deps, context, request, ListToolsResultSchema),
        key: "tools",
        nameOf: (tool) => tool.name,
        inspect: (grant, tools) => checkListedTools(deps, grant, tools),
      },
      context,
    );
  });
  server.setRequestHandler(CallToolRequestSchema, (request, extra) =>
    handleCallTool(deps, request, contextOf(extra)),
  );
  if (capabilities.resources) {
    server.setRequestHandler(ListResourcesRequestSchema, (request, extra) => {
      const context = contextOf(extra);
      const fetch = () => sendUpstream(deps, context, request, ListResourcesResultSchema);
      const spec = { kind: "resource" as const, method: request.method, fetch, key: "resources" as const };
      return handleList(deps, { ...spec, nameOf: (resource) => resource.uri }, context);
    });
    // A template is named by its URI template: a glob in the policy's `resources` section matches
    // it as text, so a template every URI of which is denied (`file:///secrets/{name}` under
    // `file:///secrets/*`) is hidden, and reading any URI is still decided one by one.
    server.setRequestHandler(ListResourceTemplatesRequestSchema, (request, extra) => {
      const context = contextOf(extra);
      const fetch = () => sendUpstream(deps, context, request, ListResourceTemplatesResultSchema);
      const spec = {
        kind: "resource" as const,
        method: request.method,
        fetch,
        key: "resourceTemplates" as const,
      };
      return handleList(deps, { ...spec, nameOf: (template) => template.uriTemplate }, context);
    });
    server.setRequestHandler(ReadResourceRequestSchema, (request, extra) =>
      handleReadResource(deps, request, contextOf(extra)),
    );
  }
  if (capabilities.prompts) {
    server.setRequestHandler(ListPromptsRequestSchema, (request, extra) => {
      const context = contextOf(extra);
      const fetch = () => sendUpstream(deps, context, request, ListPromptsResultSchema);
      const spec = { kind: "prompt" as const, method: request.method, fetch, key: "prompts" as const };
      return handleList(deps, { ...spec, nameOf: (prompt) => prompt.name }, context);
    });
    server.setRequestHandler(GetPromptRequestSchema, (request, extra) =>
      handleGetPrompt(deps, request, contextOf(extra)),
    );
  }
  registerRelayedRequests(server, deps, { capabilities, contextOf });
  registerUngoverned(server, deps, { contextOf });
  relayServerRequests(server, deps, agentCapabilities);
  relayNotifications(server, deps);
  return server;
}
