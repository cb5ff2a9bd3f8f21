import { type AgentClient, toJson, toServerName } from "./agent-endpoint";

/** Cursor reads remote servers from `mcpServers` entries with a `url`. */
export const cursor: AgentClient = {
  id: "cursor",
  label: "Cursor",
  where:
    "Add to `~/.cursor/mcp.json` (every project) or `.cursor/mcp.json` (this project), merging with any servers already there.",
  build: (endpoint) => [
    {
      title: "mcp.json",
      language: "json",
      code: toJson({ mcpServers: { [toServerName(endpoint.name)]: { url: endpoint.proxyUrl } } }),
    },
  ],
};
