import type { CallToolResult, Tool } from "@modelcontextprotocol/sdk/types.js";
import { MlflowError } from "./store/mlflow-error";
import { toErrorResult, toToolResult } from "./tool-result";
import { TOOL_HANDLERS } from "./tools/all-tools";
import { ToolArgumentsError, type ToolContext } from "./tools/define-tool";

export type CallToolInput = { name: string; arguments?: Record<string, unknown> };

/**
 * Runs one tools/call against the store. Failures become `isError` results worded like FastMCP's
 * ("Error executing tool <name>: <exception>"), never JSON-RPC errors, as the real server does.
 */
export function callTool(
  definitions: ReadonlyMap<string, Tool>,
  input: CallToolInput,
  context: ToolContext,
): CallToolResult {
  const definition = definitions.get(input.name);
  const handler = TOOL_HANDLERS.get(input.name);
  if (!definition || !handler) return toErrorResult(`Unknown tool: ${input.name}`);
  try {
    const value = handler.call(input.arguments ?? {}, context);
    return toToolResult(value, definition.outputSchema !== undefined);
  } catch (error) {
    return toErrorResult(`Error executing tool ${input.name}: ${describeError(error)}`);
  }
}

function describeError(error: unknown): string {
  if (error instanceof MlflowError) return error.toString();
  if (error instanceof ToolArgumentsError) return error.message;
  // An unexpected failure is a bug in the stand-in; keep the detail on stderr, not in the result.
  console.error("mlflow-demo-server: unexpected tool failure", error);
  return "Internal error in the MLflow demo server";
}
