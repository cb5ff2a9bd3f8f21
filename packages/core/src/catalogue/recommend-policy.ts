/** What the recommendation needs to know about each tool. */
export type ClassifiedTool = { name: string; category: string | null; flags: unknown };

// Per grant, so one busy agent cannot exhaust another's budget.
export const RECOMMENDED_WRITE_LIMIT = { window: "minute", max: 30, scope: "grant" } as const;

/**
 * A starting policy from the catalogue's classification: read → allow; write →
 * allow with a 30/minute grant limit; execute → require approval; destructive,
 * financial and any tool the poisoning scan flagged → hidden. Everything else
 * (unclassified, new tools) falls under `default: deny`.
 */
export function recommendPolicy(tools: ClassifiedTool[]) {
  const hide: string[] = [];
  const entries: Record<string, object> = {};
  for (const tool of [...tools].sort((a, b) => a.name.localeCompare(b.name))) {
    const isFlagged = Array.isArray(tool.flags) && tool.flags.length > 0;
    if (isFlagged || tool.category === "destructive" || tool.category === "financial") hide.push(tool.name);
    else if (tool.category === "read") entries[tool.name] = {};
    else if (tool.category === "write") {
      entries[tool.name] = { limits: [{ counter: `${tool.name}_rate`, ...RECOMMENDED_WRITE_LIMIT }] };
    } else if (tool.category === "execute") {
      entries[tool.name] = {
        action: "require_approval",
        reason: "Tools that execute code or commands need a person's approval.",
      };
    }
  }
  return { version: "1", default: "deny", ...(hide.length ? { hide } : {}), tools: entries };
}
