import { readFileSync } from "node:fs";
import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";

/** Where the verbatim tool definitions of the real server live (see data/PROVENANCE.md). */
export const TOOL_DEFINITIONS_URL = new URL("./data/mlflow-mcp-tools.json", import.meta.url);

/** Only checks the shape; the parsed objects themselves are served, so nothing is added or dropped. */
const ToolDefinitionsSchema = z.array(
  z.looseObject({
    name: z.string(),
    description: z.string(),
    inputSchema: z.looseObject({ type: z.literal("object") }),
    outputSchema: z.looseObject({ type: z.literal("object") }).optional(),
  }),
);

/** Reads the 40 definitions of kkruglik/mlflow-mcp 0.4.0 exactly as they are stored. */
export function loadToolDefinitions(): Tool[] {
  const raw: unknown = JSON.parse(readFileSync(TOOL_DEFINITIONS_URL, "utf8"));
  ToolDefinitionsSchema.parse(raw);
  return raw as Tool[];
}
