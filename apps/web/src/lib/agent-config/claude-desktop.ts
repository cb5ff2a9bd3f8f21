import { type AgentClient, toJson, toServerName } from "./agent-endpoint";

/**
 * mcp-remote refuses plain http except to localhost and 127.0.0.1 unless told otherwise, and a
 * proxy on a private network is often plain http.
 */
function needsAllowHttp(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === "http:" && hostname !== "localhost" && hostname !== "127.0.0.1";
}

function mcpRemoteArgs(proxyUrl: string): string[] {
  const args = ["-y", "mcp-remote", proxyUrl];
  return needsAllowHttp(proxyUrl) ? [...args, "--allow-http"] : args;
}

/**
 * Claude Desktop reaches remote servers as connectors, from Anthropic's cloud; its config file only
 * starts local processes, so there the `mcp-remote` bridge carries the grant URL.
 */
export const claudeDesktop: AgentClient = {
  id: "claude-desktop",
  label: "Claude Desktop",
  where:
    "If the proxy is reachable from the internet, add the URL under Settings → Connectors → Add custom connector (Claude connects from Anthropic's cloud). Otherwise add the server to `claude_desktop_config.json` (Settings → Developer → Edit Config; needs Node.js) and restart Claude Desktop.",
  build: (endpoint) => [
    { title: "Custom connector URL", language: "text", code: endpoint.proxyUrl },
    {
      title: "claude_desktop_config.json",
      language: "json",
      code: toJson({
        mcpServers: {
          [toServerName(endpoint.name)]: { command: "npx", args: mcpRemoteArgs(endpoint.proxyUrl) },
        },
      }),
    },
  ],
};
