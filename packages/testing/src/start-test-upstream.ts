import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import {
  CallToolRequestSchema,
  ErrorCode,
  ListToolsRequestSchema,
  McpError,
  type Tool,
} from "@modelcontextprotocol/sdk/types.js";
import { routeMcpSessions } from "./route-mcp-sessions";
import type { RunningServer } from "./start-everything-server";

const INITIAL_TOOLS: Tool[] = [
  {
    name: "echo",
    description: "Echoes the message back.",
    inputSchema: { type: "object", properties: { message: { type: "string" } } },
  },
  {
    name: "fail",
    description: "Always answers with a JSON-RPC error.",
    inputSchema: { type: "object", properties: {} },
  },
];

export type TestUpstream = RunningServer & {
  calls: () => number;
  /** The headers of every HTTP request that reached the upstream, oldest first (what the gateway sent). */
  requestHeaders: () => IncomingHttpHeaders[];
  /** Replaces or adds a tool definition; `announce` sends notifications/tools/list_changed to every session. */
  setTool: (tool: Tool, options?: { announce?: boolean }) => Promise<void>;
};

/**
 * A minimal MCP server over Streamable HTTP for behaviour server-everything does
 * not offer: `fail` answers with a JSON-RPC error (not an isError result),
 * `calls()` counts the tool calls that really arrived, and `setTool` changes a
 * definition under a running gateway (a "rug pull").
 */
export async function startTestUpstream(): Promise<TestUpstream> {
  let calls = 0;
  const requestHeaders: IncomingHttpHeaders[] = [];
  const tools = new Map(INITIAL_TOOLS.map((tool) => [tool.name, tool]));
  const servers = new Set<Server>();
  const sessions = routeMcpSessions(() => {
    const server = new Server(
      { name: "test-upstream", version: "1.0.0" },
      { capabilities: { tools: { listChanged: true } } },
    );
    servers.add(server);
    server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: [...tools.values()] }));
    server.setRequestHandler(CallToolRequestSchema, (request) => {
      calls++;
      if (request.params.name === "fail") throw new McpError(ErrorCode.InternalError, "upstream broke");
      return { content: [{ type: "text", text: String(request.params.arguments?.message ?? "") }] };
    });
    return server;
  });
  const http = createServer((req: IncomingMessage, res: ServerResponse) => {
    requestHeaders.push(req.headers);
    sessions.handle(req, res);
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const address = http.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    port,
    calls: () => calls,
    requestHeaders: () => [...requestHeaders],
    setTool: async (tool, options = {}) => {
      tools.set(tool.name, tool);
      if (options.announce)
        await Promise.all([...servers].map((server) => server.sendToolListChanged().catch(() => undefined)));
    },
    stop: async () => {
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
