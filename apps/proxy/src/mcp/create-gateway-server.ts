import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import {
  CallToolRequestSchema,
  GetPromptRequestSchema,
  ListPromptsRequestSchema,
  ListResourcesRequestSchema,
  ListToolsRequestSchema,
  ReadResourceRequestSchema,
  type ServerCapabilities,
} from "@modelcontextprotocol/sdk/types.js";
import { checkListedTools } from "../catalogue/check-listed-tools";
import type { GatewayDeps } from "./gateway-deps";
import { handleCallTool } from "./handle-call-tool";
import { handleGetPrompt } from "./handle-get-prompt";
import { handleList } from "./handle-list";
import { handleReadResource } from "./handle-read-resource";
import { registerUngoverned } from "./register-ungoverned";
import { type HandlerExtra, requestContext } from "./request-context";

/**
 * The MCP server an agent talks to for one session. It presents the upstream's
 * identity and instructions, and offers what Gatehouse governs (tools, and the
 * upstream's resources and prompts when it has them). Every request it answers is audited.
 */
export function createGatewayServer(deps: GatewayDeps): Server {
  const upstreamInfo = deps.upstream.getServerVersion();
  const upstreamCaps = deps.upstream.getServerCapabilities() ?? {};
  const capabilities: ServerCapabilities = {
    tools: { listChanged: true },
    ...(upstreamCaps.resources ? { resources: {} } : {}),
    ...(upstreamCaps.prompts ? { prompts: {} } : {}),
  };
  const instructions = deps.upstream.getInstructions();
  const server = new Server(
    { name: upstreamInfo?.name ?? "gatehouse", version: upstreamInfo?.version ?? "0.0.0" },
    { capabilities, ...(instructions ? { instructions } : {}) },
  );
  const { upstream } = deps;
  const options = { timeout: deps.upstreamTimeoutMs };
  const contextOf = (extra: HandlerExtra) => requestContext(server, extra, deps.now());

  server.setRequestHandler(ListToolsRequestSchema, (request, extra) =>
    handleList(
      deps,
      {
        kind: "tool",
        method: "tools/list",
        fetch: () => upstream.listTools(request.params, options),
        key: "tools",
        nameOf: (tool) => tool.name,
        inspect: (grant, tools) => checkListedTools(deps, grant, tools),
      },
      contextOf(extra),
    ),
  );
  server.setRequestHandler(CallToolRequestSchema, (request, extra) =>
    handleCallTool(deps, request, contextOf(extra)),
  );
  if (capabilities.resources) {
    server.setRequestHandler(ListResourcesRequestSchema, (request, extra) =>
      handleList(
        deps,
        {
          kind: "resource",
          method: "resources/list",
          fetch: () => upstream.listResources(request.params, options),
          key: "resources",
          nameOf: (resource) => resource.uri,
        },
        contextOf(extra),
      ),
    );
    server.setRequestHandler(ReadResourceRequestSchema, (request, extra) =>
      handleReadResource(deps, request, contextOf(extra)),
    );
  }
  if (capabilities.prompts) {
    server.setRequestHandler(ListPromptsRequestSchema, (request, extra) =>
      handleList(
        deps,
        {
          kind: "prompt",
          method: "prompts/list",
          fetch: () => upstream.listPrompts(request.params, options),
          key: "prompts",
          nameOf: (prompt) => prompt.name,
        },
        contextOf(extra),
      ),
    );
    server.setRequestHandler(GetPromptRequestSchema, (request, extra) =>
      handleGetPrompt(deps, request, contextOf(extra)),
    );
  }
  registerUngoverned(server, deps, { hasResources: Boolean(capabilities.resources), contextOf });
  return server;
}
