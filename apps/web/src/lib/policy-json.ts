// Policy documents are stored as Postgres JSON, which keeps no key order. These helpers put
// the keys back in the order the documentation uses, so the editor, the history and its diffs
// always read the same way. Only known objects are reordered; names under "tools" keep theirs.

/** A policy document being edited: any JSON object; the policy package validates it on save. */
export type PolicyDocument = Record<string, unknown>;

const POLICY_KEYS = [
  "version",
  "default",
  "mode",
  "hide",
  "all_tools",
  "categories",
  "tools",
  "resources",
  "prompts",
];
const ENTRY_KEYS = ["action", "reason", "limits", "rate_limit", "deny_if", "approve_if"];
const LIMIT_KEYS = ["counter", "window", "max", "scope", "increment_from"];
const CONDITION_ITEM_KEYS = ["conditions", "on_deny", "reason"];
const CONDITION_KEYS = ["path", "op", "value"];
const ENTRY_MAPS = ["categories", "tools", "resources", "prompts"];

/** True for a JSON object (not an array or null). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * A document as pretty JSON, keys in the documented order. With `sortNames`, the names under
 * "tools", "categories", … are sorted too, so two documents compare line by line whatever
 * order their entries were stored in.
 */
export function formatPolicyDocument(document: unknown, options: { sortNames?: boolean } = {}): string {
  return JSON.stringify(orderPolicy(document, options.sortNames === true), null, 2);
}

function orderPolicy(document: unknown, sortNames: boolean): unknown {
  if (!isJsonObject(document)) return document;
  const policy = orderKeys(document, POLICY_KEYS);
  for (const key of ENTRY_MAPS) {
    const entries = policy[key];
    if (isJsonObject(entries)) {
      const names = Object.entries(entries);
      if (sortNames) names.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      policy[key] = Object.fromEntries(names.map(([name, entry]) => [name, orderEntry(entry)]));
    }
  }
  if (isJsonObject(policy.all_tools)) policy.all_tools = orderLimitsOf(policy.all_tools);
  return policy;
}

function orderEntry(entry: unknown): unknown {
  if (!isJsonObject(entry)) return entry;
  const ordered = orderLimitsOf(orderKeys(entry, ENTRY_KEYS));
  if (isJsonObject(ordered.rate_limit)) ordered.rate_limit = orderKeys(ordered.rate_limit, ["max", "window"]);
  for (const key of ["deny_if", "approve_if"]) {
    if (Array.isArray(ordered[key])) ordered[key] = ordered[key].map(orderConditionItem);
  }
  return ordered;
}

function orderConditionItem(item: unknown): unknown {
  if (!isJsonObject(item)) return item;
  const ordered = orderKeys(item, CONDITION_ITEM_KEYS);
  if (Array.isArray(ordered.conditions)) {
    ordered.conditions = ordered.conditions.map((condition) =>
      isJsonObject(condition) ? orderKeys(condition, CONDITION_KEYS) : condition,
    );
  }
  return ordered;
}

function orderLimitsOf(holder: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(holder.limits)) return holder;
  const limits = holder.limits.map((limit) => (isJsonObject(limit) ? orderKeys(limit, LIMIT_KEYS) : limit));
  return { ...holder, limits };
}

// Known keys first, in `order`; any others (which validation will flag) after them as they were.
function orderKeys(object: Record<string, unknown>, order: readonly string[]): Record<string, unknown> {
  const ordered: Record<string, unknown> = {};
  for (const key of order) if (Object.hasOwn(object, key)) setOwn(ordered, key, object[key]);
  for (const [key, value] of Object.entries(object))
    if (!Object.hasOwn(ordered, key)) setOwn(ordered, key, value);
  return ordered;
}

/** Sets an own property, so even a "__proto__" key stays data (and validation can reject it). */
export function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}
