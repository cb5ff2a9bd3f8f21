import { recommendPolicy } from "@gatehouse/core/catalogue/recommend-policy";
import { diffLines } from "@gatehouse/core/policies/diff-lines";
import { formatPolicyDocument } from "@/lib/policy-json";

type CatalogueEntry = { name: string; category: string | null; flags: unknown; removedAt: Date | null };

/** The recommended policy for a server's current (non-removed) tools, formatted as the editor shows it. */
export function recommendForCatalogue(tools: CatalogueEntry[]): string {
  const document = recommendPolicy(tools.filter((tool) => tool.removedAt === null));
  return formatPolicyDocument(document, { sortNames: true });
}

/**
 * The changes the recommendation would make to a saved document. Both sides list tool names
 * alphabetically: the database keeps no key order, and a reordering is not a change.
 */
export function diffWithRecommendation(savedDocument: unknown, tools: CatalogueEntry[]) {
  return diffLines(formatPolicyDocument(savedDocument, { sortNames: true }), recommendForCatalogue(tools));
}
