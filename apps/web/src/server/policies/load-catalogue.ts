import "server-only";
import { listTools } from "@gatehouse/core/catalogue/list-tools";
import type { Db } from "@gatehouse/db/client";
import type { CatalogueTool } from "@/components/policies/editor/tool-rules";
import { isJsonObject } from "@/lib/policy-json";

/** A server's current tools as the policy editor shows them (removed tools left out). */
export async function loadCatalogue(options: {
  db: Db;
  orgId: string;
  serverId: string;
}): Promise<CatalogueTool[]> {
  const tools = await listTools(options);
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
