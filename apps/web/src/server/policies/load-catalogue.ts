import "server-only";
import { listTools } from "@gatehouse/core/catalogue/list-tools";
import type { Db } from "@gatehouse/db/client";
import type { CatalogueTool } from "@/components/policies/editor/tool-rules";
import { isJsonObject } from "@/lib/policy-json";

type ListedTool = Awaited<ReturnType<typeof listTools>>[number];

/** A server's current tools as the policy editor shows them (removed tools left out). */
export async function loadCatalogue(options: {
  db: Db;
  orgId: string;
  serverId: string;
}): Promise<CatalogueTool[]> {
  return toEditorCatalogue(await listTools(options));
}

/** Tools already listed, as the policy editor shows them (removed tools left out). */
export function toEditorCatalogue(tools: ListedTool[]): CatalogueTool[] {
  return tools
    .filter((tool) => !tool.removedAt)
    .map((tool) => ({
      name: tool.name,
      description: tool.description,
      category: tool.category,
      argumentNames: readArgumentNames(tool.inputSchema),
    }));
}

// The input schema is the upstream's own JSON; only its top-level property names are used.
function readArgumentNames(inputSchema: unknown): string[] {
  return isJsonObject(inputSchema) && isJsonObject(inputSchema.properties)
    ? Object.keys(inputSchema.properties)
    : [];
}
