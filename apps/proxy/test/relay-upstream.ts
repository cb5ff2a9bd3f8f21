import { createServer } from "node:http";
import { routeMcpSessions } from "@gatehouse/testing/route-mcp-sessions";
import type { RunningServer } from "@gatehouse/testing/start-everything-server";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import type { RequestHandlerExtra } from "@modelcontextprotocol/sdk/shared/protocol.js";
import {
  type CallToolRequest,
  CallToolRequestSchema,
  type CallToolResult,
  CreateMessageResultSchema,
  EmptyResultSchema,
  ListPromptsRequestSchema,
  ListResourcesRequestSchema,
  ListToolsRequestSchema,
  RootsListChangedNotificationSchema,
  type ServerNotification,
  type ServerRequest,
} from "@modelcontextprotocol/sdk/types.js";

export type RelayUpstream = RunningServer & {
  /** How many forwarded tool calls ended because the gateway cancelled them. */
  cancelled: () => number;
  /** How many notifications/roots/list_changed arrived. */
  rootsChanges: () => number;
};

const TOOLS = [
  {
    name: "wait",
    description: "Waits up to 20 s, or until cancelled.",
    inputSchema: { type: "object" as const },
  },
  {
    name: "announce",
    description: "Announces new resources and prompts.",
    inputSchema: { type: "object" as const },
  },
  {
    name: "ask-tasks",
    description: "Sends the client a tasks/list request.",
    inputSchema: { type: "object" as const },
  },
];

/**
 * An MCP server over Streamable HTTP for what server-everything cannot show: whether a
 * cancellation reached it, a roots change arrived, resource and prompt list changes, a
 * request to the client Gatehouse does not relay, and a sampling request sent after a delay.
 */
export async function startRelayUpstream(): Promise<RelayUpstream> {
  let cancelled = 0;
  let rootsChanges = 0;
  const tool = async (
    { name, arguments: args }: CallToolRequest["params"],
    extra: Pick<RequestHandlerExtra<ServerRequest, ServerNotification>, "signal" | "sendRequest">,
    server: Server,
  ): Promise<CallToolResult> => {
    const answer = (text: string): CallToolResult => ({ content: [{ type: "text", text }] });
    const outcome = (asked: Promise<unknown>) =>
      asked
        .then(
          () => "answered",
          (failure: Error) => failure.message,
        )
        .then(answer);
    if (name === "announce") {
      await server.sendResourceListChanged();
      await server.sendPromptListChanged();
      return answer("announced");
    }
    if (name === "ask-tasks")
      return outcome(server.request({ method: "tasks/list", params: {} }, EmptyResultSchema));
    if (name === "sample-later") {
      await new Promise((resolve) => setTimeout(resolve, Number(args?.delayMs ?? 0)));
      const params = { messages: [], maxTokens: 5 };
      return outcome(
        extra.sendRequest({ method: "sampling/createMessage", params }, CreateMessageResultSchema),
      );
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 20_000);
      extra.signal.addEventListener("abort", () => {
        cancelled++;
        clearTimeout(timer);
        resolve();
      });
    });
    return answer("waited");
  };
  const sessions = routeMcpSessions(() => {
    const server = new Server(
      { name: "relay-upstream", version: "1.0.0" },
      { capabilities: { tools: {}, resources: { listChanged: true }, prompts: { listChanged: true } } },
    );
    server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: TOOLS }));
    server.setRequestHandler(ListResourcesRequestSchema, () => ({ resources: [] }));
    server.setRequestHandler(ListPromptsRequestSchema, () => ({ prompts: [] }));
    server.setRequestHandler(CallToolRequestSchema, (request, extra) => tool(request.params, extra, server));
    server.setNotificationHandler(RootsListChangedNotificationSchema, async () => {
      rootsChanges++;
    });
    return server;
  });
  const http = createServer(sessions.handle);
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const address = http.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    port,
    cancelled: () => cancelled,
    rootsChanges: () => rootsChanges,
    stop: async () => {
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
