import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { CallToolRequestSchema, ListToolsRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import type { GatewayDeps } from "./gateway-deps";
import { handleCallTool } from "./handle-call-tool";
import { handleListTools } from "./handle-list-tools";

/**
 * The MCP server an agent talks to for one session. It presents the upstream's
 * identity and instructions, and offers only what Gatehouse governs (tools).
 */
export function createGatewayServer(deps: GatewayDeps): Server {
  const upstreamInfo = deps.upstream.getServerVersion();
  const server = new Server(
    { name: upstreamInfo?.name ?? "gatehouse", version: upstreamInfo?.version ?? "0.0.0" },
    {
      capabilities: { tools: {} },
      ...(deps.upstream.getInstructions() ? { instructions: deps.upstream.getInstructions() } : {}),
    },
  );
  server.setRequestHandler(ListToolsRequestSchema, (request, extra) =>
    handleListTools(deps, request, extra.sessionId),
  );
  server.setRequestHandler(CallToolRequestSchema, (request, extra) =>
    handleCallTool(deps, request, extra.sessionId),
  );
  return server;
}
