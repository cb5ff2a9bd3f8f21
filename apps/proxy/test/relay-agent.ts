import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import {
  type CreateMessageRequest,
  CreateMessageRequestSchema,
  type ElicitRequest,
  ElicitRequestSchema,
  ListRootsRequestSchema,
  type LoggingMessageNotification,
  LoggingMessageNotificationSchema,
  type Notification,
  PromptListChangedNotificationSchema,
  ResourceListChangedNotificationSchema,
  ResourceUpdatedNotificationSchema,
} from "@modelcontextprotocol/sdk/types.js";

export const AGENT_ROOT = { uri: "file:///work/project", name: "project" };

/** What the agent received from the gateway, besides answers to its own requests. */
export type AgentInbox = {
  sampling: CreateMessageRequest[];
  elicitations: ElicitRequest[];
  rootsRequests: number;
  logs: LoggingMessageNotification["params"][];
  notifications: Notification[];
};

/**
 * The real SDK client as an agent host that can answer sampling, elicitation and roots
 * requests (with canned answers), recording everything the gateway sends it.
 */
export async function connectRelayAgent(url: string): Promise<{ agent: Client; inbox: AgentInbox }> {
  const inbox: AgentInbox = { sampling: [], elicitations: [], rootsRequests: 0, logs: [], notifications: [] };
  const agent = new Client(
    { name: "relay-agent", version: "1.0.0" },
    { capabilities: { sampling: {}, elicitation: {}, roots: { listChanged: true } } },
  );
  agent.setRequestHandler(CreateMessageRequestSchema, (request) => {
    inbox.sampling.push(request);
    return {
      model: "agent-model",
      role: "assistant",
      content: { type: "text", text: "sampled by the agent" },
    };
  });
  agent.setRequestHandler(ElicitRequestSchema, (request) => {
    inbox.elicitations.push(request);
    return { action: "accept", content: { name: "Ada Lovelace", check: true } };
  });
  agent.setRequestHandler(ListRootsRequestSchema, () => {
    inbox.rootsRequests++;
    return { roots: [AGENT_ROOT] };
  });
  agent.setNotificationHandler(LoggingMessageNotificationSchema, (notification) => {
    inbox.logs.push(notification.params);
  });
  for (const schema of [
    ResourceUpdatedNotificationSchema,
    ResourceListChangedNotificationSchema,
    PromptListChangedNotificationSchema,
  ]) {
    agent.setNotificationHandler(schema, (notification) => {
      inbox.notifications.push(notification);
    });
  }
  await agent.connect(new StreamableHTTPClientTransport(new URL(url)));
  return { agent, inbox };
}
