import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { DEFAULT_HTTP_PORT } from "./cli-args";
import { createMcpServer } from "./create-mcp-server";
import { createMlflowState } from "./store/mlflow-store";
import { loadToolDefinitions } from "./tool-definitions";
import type { ToolContext } from "./tools/define-tool";

export type StartHttpOptions = { port?: number; host?: string; trackingUri?: string };
export type RunningDemoServer = { url: string; port: number; stop: () => Promise<void> };

export const MCP_PATH = "/mcp";

/**
 * Serves the tools over Streamable HTTP at `/mcp`, one MCP session per client, all sessions
 * sharing one in-memory store (like clients of one tracking server). `port: 0` picks a free port.
 */
export async function startMlflowDemoServer(options: StartHttpOptions = {}): Promise<RunningDemoServer> {
  const host = options.host ?? "127.0.0.1";
  const tools = loadToolDefinitions();
  const context: ToolContext = {
    state: createMlflowState(),
    trackingUri: options.trackingUri ?? "memory://demo",
  };
  const sessions = new Map<string, StreamableHTTPServerTransport>();

  const openSession = async (): Promise<StreamableHTTPServerTransport> => {
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: randomUUID,
      onsessioninitialized: (sessionId) => void sessions.set(sessionId, transport),
    });
    transport.onclose = () => {
      if (transport.sessionId) sessions.delete(transport.sessionId);
    };
    await createMcpServer(tools, context).connect(transport);
    return transport;
  };

  const http = createServer((req: IncomingMessage, res: ServerResponse) => {
    routeRequest(req, res, sessions, openSession).catch((error: unknown) => {
      console.error("mlflow-demo-server: request failed", error);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(options.port ?? DEFAULT_HTTP_PORT, host, () => resolve());
  });
  const address = http.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}${MCP_PATH}`,
    port,
    stop: async () => {
      await Promise.all([...sessions.values()].map((transport) => transport.close()));
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

async function routeRequest(
  req: IncomingMessage,
  res: ServerResponse,
  sessions: Map<string, StreamableHTTPServerTransport>,
  openSession: () => Promise<StreamableHTTPServerTransport>,
): Promise<void> {
  const path = new URL(req.url ?? "/", "http://localhost").pathname;
  if (path !== MCP_PATH) return void res.writeHead(404, { "content-type": "text/plain" }).end("Not found");
  const sessionId = req.headers["mcp-session-id"];
  if (typeof sessionId === "string") {
    const transport = sessions.get(sessionId);
    if (!transport) return void sendJsonRpcError(res, 404, "Session not found");
    return transport.handleRequest(req, res);
  }
  // Without a session id only an initialize POST makes sense; the transport rejects anything else.
  if (req.method !== "POST")
    return void sendJsonRpcError(res, 400, "Bad Request: Mcp-Session-Id header is required");
  const transport = await openSession();
  await transport.handleRequest(req, res);
}

function sendJsonRpcError(res: ServerResponse, status: number, message: string): void {
  res
    .writeHead(status, { "content-type": "application/json" })
    .end(JSON.stringify({ jsonrpc: "2.0", error: { code: -32000, message }, id: null }));
}
