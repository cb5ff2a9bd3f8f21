import { createHash } from "node:crypto";

export type ToolDefinition = {
  name: string;
  title?: string | undefined;
  description?: string | undefined;
  inputSchema: unknown;
  annotations?: unknown;
};

/** A stable SHA-256 of a tool's definition: key order does not change it, any other edit does. */
export function hashToolDefinition(tool: ToolDefinition): string {
  const { name, title, description, inputSchema, annotations } = tool;
  return createHash("sha256")
    .update(canonicalJson({ name, title, description, inputSchema, annotations }))
    .digest("hex");
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
