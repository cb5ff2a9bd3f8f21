import { type AgentClient, toJson, toServerName } from "./agent-endpoint";

/** VS Code lists servers under `servers`, and an HTTP one needs `type: "http"`. */
export const vscode: AgentClient = {
  id: "vscode",
  label: "VS Code",
  where:
    "Add to `.vscode/mcp.json` in your workspace, or run MCP: Open User Configuration to use it everywhere. Keep a file holding the URL out of version control.",
  build: (endpoint) => [
    {
      title: "mcp.json",
      language: "json",
      code: toJson({ servers: { [toServerName(endpoint.name)]: { type: "http", url: endpoint.proxyUrl } } }),
    },
  ],
};
