import type { CallKind } from "./call-facts";
import { countLiteralChars, isGlob, matchGlob } from "./match-glob";
import type { Policy, PolicyEntry } from "./policy-schema";

/** The entry that governs a call, and its path in the policy (e.g. ["tools", "delete_*"]). */
export type SelectedEntry = { entry: PolicyEntry; path: string[] };

/** What entry selection looks at: the kind of call, its name, and a tool's catalogue category. */
export type SelectableItem = { kind: CallKind; name: string; category?: string | undefined };

const SECTIONS = { tool: "tools", resource: "resources", prompt: "prompts" } as const;

/** Returns the index of the first `hide` glob that hides a tool, or undefined. Only tools can be hidden. */
export function findHidingGlob(policy: Policy, item: SelectableItem): number | undefined {
  if (item.kind !== "tool") return undefined;
  const index = (policy.hide ?? []).findIndex((glob) => matchGlob(glob, item.name));
  return index === -1 ? undefined : index;
}

/**
 * Selects the entry for a call: an exact name, else the most specific matching glob (most
 * literal characters; ties go to the first in document order), else for tools the entry for
 * the tool's risk category. Undefined means the policy default applies.
 */
export function selectEntry(policy: Policy, item: SelectableItem): SelectedEntry | undefined {
  const section = SECTIONS[item.kind];
  const entries = policy[section] ?? {};
  // Own properties only, so names like "constructor" or "__proto__" never match Object.prototype.
  const exact = Object.hasOwn(entries, item.name) ? entries[item.name] : undefined;
  if (exact !== undefined) return { entry: exact, path: [section, item.name] };
  const glob = findBestGlob(entries, item.name);
  if (glob !== undefined) return { entry: glob.entry, path: [section, glob.key] };
  return item.kind === "tool" ? selectCategoryEntry(policy, item.category) : undefined;
}

function findBestGlob(
  entries: Record<string, PolicyEntry>,
  name: string,
): { key: string; entry: PolicyEntry } | undefined {
  let best: { key: string; entry: PolicyEntry; literalChars: number } | undefined;
  for (const [key, entry] of Object.entries(entries)) {
    if (!isGlob(key) || !matchGlob(key, name)) continue;
    const literalChars = countLiteralChars(key);
    // Strictly greater, so the first of equally specific globs keeps its place.
    if (best === undefined || literalChars > best.literalChars) best = { key, entry, literalChars };
  }
  return best;
}

function selectCategoryEntry(policy: Policy, category: string | undefined): SelectedEntry | undefined {
  const categories: Partial<Record<string, PolicyEntry>> = policy.categories ?? {};
  if (category === undefined || !Object.hasOwn(categories, category)) return undefined;
  const entry = categories[category];
  return entry === undefined ? undefined : { entry, path: ["categories", category] };
}
