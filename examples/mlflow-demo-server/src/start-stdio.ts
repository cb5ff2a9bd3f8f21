import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { createMcpServer } from "./create-mcp-server";
import { createMlflowState } from "./store/mlflow-store";
import { loadToolDefinitions } from "./tool-definitions";

/** Serves the tools over stdin/stdout until the client closes the pipe. */
export async function startStdioServer({ trackingUri }: { trackingUri: string }): Promise<void> {
  const server = createMcpServer(loadToolDefinitions(), { state: createMlflowState(), trackingUri });
  const transport = new StdioServerTransport();
  transport.onclose = () => process.exit(0);
  process.stdin.on("end", () => void server.close());
  await server.connect(transport);
}
