import type { CallToolResult, TextContent } from "@modelcontextprotocol/sdk/types.js";

/**
 * Shapes a tool's return value as FastMCP (mcp 1.16) does: lists become one text block per item,
 * strings are sent as they are, other values as indented JSON, and None as no content. Tools with
 * an outputSchema also get `structuredContent: { result: value }`.
 */
export function toToolResult(value: unknown, hasOutputSchema: boolean): CallToolResult {
  const content = toContent(value);
  if (!hasOutputSchema) return { content, isError: false };
  return { content, structuredContent: { result: value }, isError: false };
}

/** An `isError` result, which is how FastMCP reports an exception raised inside a tool. */
export function toErrorResult(message: string): CallToolResult {
  return { content: [{ type: "text", text: message }], isError: true };
}

function toContent(value: unknown): TextContent[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap(toContent);
  const text = typeof value === "string" ? value : JSON.stringify(value, null, 2);
  return [{ type: "text", text }];
}
