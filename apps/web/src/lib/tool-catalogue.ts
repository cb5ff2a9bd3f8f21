import { z } from "zod";
import { readFlags, TOOL_CATEGORIES, TOOL_SEVERITIES, type ToolFlag } from "./tool-risk";

/** Where a tool stands in the catalogue, shown as badges next to its name. */
export type ToolStatus = { isRemoved: boolean; isAwaitingApproval: boolean; isNew: boolean };

/** One row of a tools table: a catalogued tool, or a template's tool classified for display. */
export type CatalogueRow = {
  id: string;
  name: string;
  title: string | null;
  description: string | null;
  category: string | null;
  severity: string | null;
  rationale: string | null;
  flags: ToolFlag[];
  status: ToolStatus;
  /** The tool's own page, when it has one. */
  href?: string;
};

/** The tool columns a catalogue row is built from (a `Tool` row, as listTools returns it). */
export type StoredTool = {
  id: string;
  name: string;
  title: string | null;
  description: string | null;
  category: string | null;
  severity: string | null;
  rationale: string | null;
  flags: unknown;
  definitionHash: string;
  approvedHash: string | null;
  firstSeenAt: Date;
  removedAt: Date | null;
};

/**
 * A tool is awaiting approval while its definition differs from the one a person accepted;
 * the proxy applies the same comparison (an unset approved hash counts as not approved).
 */
export function isAwaitingApproval(tool: Pick<StoredTool, "definitionHash" | "approvedHash" | "removedAt">) {
  return tool.removedAt === null && tool.definitionHash !== tool.approvedHash;
}

/**
 * A server's tools as table rows. "New" marks tools first seen at the last discovery, except
 * on a server's first discovery, where every tool would be new and the badge says nothing.
 */
export function toCatalogueRows(
  tools: StoredTool[],
  options: { discoveredAt: Date | null; hrefFor: (toolId: string) => string },
): CatalogueRow[] {
  const last = options.discoveredAt?.getTime();
  const isSeenAt = (tool: StoredTool) => last !== undefined && tool.firstSeenAt.getTime() === last;
  const isFirstDiscovery = tools.every(isSeenAt);
  return tools.map((tool) => ({
    id: tool.id,
    name: tool.name,
    title: tool.title,
    description: tool.description,
    category: tool.category,
    severity: tool.severity,
    rationale: tool.rationale,
    flags: readFlags(tool.flags),
    status: {
      isRemoved: tool.removedAt !== null,
      isAwaitingApproval: isAwaitingApproval(tool),
      isNew: !isFirstDiscovery && tool.removedAt === null && isSeenAt(tool),
    },
    href: options.hrefFor(tool.id),
  }));
}

const optionalChoice = <T extends string>(choices: readonly [T, ...T[]]) =>
  z.enum(choices).optional().catch(undefined);

/** The tools table's filters as they arrive in the query string; anything unexpected is ignored. */
export const ToolFiltersSchema = z.object({
  category: optionalChoice(TOOL_CATEGORIES),
  severity: optionalChoice(TOOL_SEVERITIES),
  q: z.string().trim().max(200).optional().catch(undefined),
});
export type ToolFilters = z.output<typeof ToolFiltersSchema>;

/** True when any filter is set, so the table can say that rows are hidden. */
export function hasFilters(filters: ToolFilters): boolean {
  return Boolean(filters.category || filters.severity || filters.q);
}

/** The rows matching every filter; the search matches name, title or description, ignoring case. */
export function filterCatalogue(rows: CatalogueRow[], filters: ToolFilters): CatalogueRow[] {
  const needle = filters.q?.toLowerCase();
  return rows.filter(
    (row) =>
      (!filters.category || row.category === filters.category) &&
      (!filters.severity || row.severity === filters.severity) &&
      (!needle ||
        [row.name, row.title, row.description].some((text) => text?.toLowerCase().includes(needle))),
  );
}
