import { isJsonObject } from "./policy-json";

// The order a person reads a definition in; Postgres JSON keeps no key order of its own.
const DEFINITION_KEYS = ["name", "title", "description", "inputSchema", "annotations"];

/** A recorded tool definition as pretty JSON, keys in reading order, for line diffs. */
export function formatToolDefinition(definition: unknown): string {
  if (!isJsonObject(definition)) return JSON.stringify(definition, null, 2) ?? "";
  const ordered: Record<string, unknown> = {};
  for (const key of DEFINITION_KEYS) if (key in definition) ordered[key] = definition[key];
  for (const [key, value] of Object.entries(definition)) if (!(key in ordered)) ordered[key] = value;
  return JSON.stringify(ordered, null, 2);
}

/** Any stored JSON (an input schema, annotations) as pretty text. */
export function formatJson(value: unknown): string {
  return JSON.stringify(value, null, 2) ?? "null";
}
