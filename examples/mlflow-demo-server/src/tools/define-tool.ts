import type { z } from "zod";
import type { MlflowState } from "../store/types";

/** What every tool handler may use: the store and the configured tracking URI. */
export type ToolContext = { state: MlflowState; trackingUri: string };

/** A tool's behaviour: validate raw arguments, then compute the value the Python function returns. */
export type ToolHandler = {
  name: string;
  call: (rawArguments: Record<string, unknown>, context: ToolContext) => unknown;
};

/** Raised when arguments do not fit the tool's signature, as pydantic does in FastMCP. */
export class ToolArgumentsError extends Error {
  override name = "ToolArgumentsError";
}

/** Binds a tool name to a zod schema for its arguments and a handler that receives the parsed values. */
export function defineTool<Schema extends z.ZodType>(
  name: string,
  schema: Schema,
  run: (args: z.output<Schema>, context: ToolContext) => unknown,
): ToolHandler {
  return {
    name,
    call: (rawArguments, context) => {
      const parsed = schema.safeParse(rawArguments);
      if (!parsed.success) throw new ToolArgumentsError(describeIssues(name, parsed.error.issues));
      return run(parsed.data, context);
    },
  };
}

/** Formats issues like pydantic's ValidationError, which is what the real server reports. */
function describeIssues(tool: string, issues: z.ZodError["issues"]): string {
  const lines = issues.map((issue) => `${issue.path.join(".") || "(arguments)"}\n  ${issue.message}`);
  const noun = issues.length === 1 ? "error" : "errors";
  return `${issues.length} validation ${noun} for ${tool}Arguments\n${lines.join("\n")}`;
}
