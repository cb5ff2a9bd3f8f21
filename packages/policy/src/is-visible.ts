import type { Policy } from "./policy-schema";
import { findHidingGlob, type SelectableItem, selectEntry } from "./select-entry";

/**
 * Whether an item belongs in tools/list, resources/list or prompts/list: false when it is
 * hidden or when its entry (or the default) denies every call. Items whose denial depends on
 * the arguments (deny_if) or that need approval stay visible.
 */
export function isVisible(policy: Policy, item: SelectableItem): boolean {
  if (findHidingGlob(policy, item) !== undefined) return false;
  const selected = selectEntry(policy, item);
  if (selected === undefined) return policy.default === "allow";
  return selected.entry.action !== "deny";
}
