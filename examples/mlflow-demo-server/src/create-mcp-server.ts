import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { CallToolRequestSchema, ListToolsRequestSchema, type Tool } from "@modelcontextprotocol/sdk/types.js";
import { callTool } from "./call-tool";
import type { ToolContext } from "./tools/define-tool";

/** What the real server announces: FastMCP("mlflow", instructions=…) on mcp 1.16.0. */
const SERVER_INFO = { name: "mlflow", version: "1.16.0" };
const INSTRUCTIONS = "MLflow MCP server — experiment tracking, model registry, and promotion workflows";

/**
 * One low-level MCP server (one per connection). tools/list answers with the stored definitions
 * object for object, so names, descriptions, schemas and annotations are exactly the real ones.
 */
export function createMcpServer(tools: Tool[], context: ToolContext): Server {
  const byName = new Map(tools.map((tool) => [tool.name, tool]));
  const server = new Server(SERVER_INFO, { capabilities: { tools: {} }, instructions: INSTRUCTIONS });
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools }));
  server.setRequestHandler(CallToolRequestSchema, (request) =>
    callTool(byName, { name: request.params.name, arguments: request.params.arguments }, context),
  );
  return server;
}
