import { type AgentClient, toServerName } from "./agent-endpoint";
import { quoteShellArg } from "./shell-quote";

function claudeMcpAdd(args: string[]): string {
  return ["claude", "mcp", "add", "--transport", "http", ...args].map(quoteShellArg).join(" ");
}

/** Claude Code adds HTTP servers with `claude mcp add --transport http`, with or without a header. */
export const claudeCode: AgentClient = {
  id: "claude-code",
  label: "Claude Code",
  where:
    "Run in a terminal. The server is added for you in the current project; add `--scope user` to use it in every project.",
  build: (endpoint) => {
    const name = toServerName(endpoint.name);
    return [
      { title: "Command", language: "shell", code: claudeMcpAdd([name, endpoint.proxyUrl]) },
      {
        title: "Or, with the token in a header",
        language: "shell",
        code: claudeMcpAdd([name, endpoint.bearerUrl, "--header", `Authorization: Bearer ${endpoint.token}`]),
      },
    ];
  },
};
