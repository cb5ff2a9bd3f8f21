import { ToolSchema } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import tools from "./mlflow-mcp-tools.json" with { type: "json" };

/**
 * The MLflow MCP server (kkruglik/mlflow-mcp 0.4.0): its 40 tool definitions ship
 * with Gatehouse so people can see them classified, with a recommended policy,
 * before connecting. It speaks stdio only; the form is pre-filled accordingly.
 */
export const MLFLOW_TEMPLATE = {
  id: "mlflow",
  name: "MLflow MCP Server",
  source: "kkruglik/mlflow-mcp 0.4.0 (src/mlflow_mcp/server.py)",
  transport: "stdio" as const,
  command: "uvx",
  args: ["mlflow-mcp"],
  requiredEnv: ["MLFLOW_TRACKING_URI"],
  note: "The server speaks stdio only, so it runs on the gateway's host (allowed when GATEHOUSE_ALLOW_STDIO=true). To keep it off the gateway, run it behind an stdio-to-HTTP bridge, e.g. `npx supergateway --stdio \"uvx mlflow-mcp\" --outputTransport streamableHttp`, and register the bridge's URL as a Streamable HTTP server.",
  // Parsed like a tools/list answer, so a bad edit of the data file fails loudly at start-up.
  tools: z.array(ToolSchema).parse(tools),
};
