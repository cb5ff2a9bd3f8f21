import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";

/**
 * Serves MCP over Streamable HTTP for a test upstream: `handle` sends each request to its
 * session's transport, and a request without one opens a session on a server from `newServer`
 * (`body` is for frameworks that have already read it); `closeSessions` ends them all.
 */
export function routeMcpSessions(newServer: () => Server) {
  const transports = new Map<string, StreamableHTTPServerTransport>();
  const openSession = async (): Promise<StreamableHTTPServerTransport> => {
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: randomUUID,
      onsessioninitialized: (id) => void transports.set(id, transport),
    });
    await newServer().connect(transport);
    return transport;
  };
  const handle = (req: IncomingMessage, res: ServerResponse, body?: unknown): void => {
    const id = req.headers["mcp-session-id"];
    const existing = typeof id === "string" ? transports.get(id) : undefined;
    (existing ? Promise.resolve(existing) : openSession())
      .then((transport) => transport.handleRequest(req, res, body))
      .catch(() => res.writeHead(500).end());
  };
  const closeSessions = () => {
    for (const transport of transports.values()) void transport.close();
  };
  return { handle, closeSessions };
}
