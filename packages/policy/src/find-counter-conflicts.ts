import { formatPath } from "./format-path";
import { type LimitWindow, windowSeconds } from "./limit-window";

interface CounterLimit {
  counter: string;
  window: LimitWindow;
  max: number;
  scope: string;
}

type LimitHolder = { limits?: readonly CounterLimit[] | undefined };
type Path = (string | number)[];

/** The parts of a policy that carry named-counter limits. */
export interface PolicyLimitHolders {
  all_tools?: LimitHolder | undefined;
  tools: Record<string, LimitHolder>;
  categories?: Partial<Record<string, LimitHolder>> | undefined;
  resources?: Record<string, LimitHolder> | undefined;
  prompts?: Record<string, LimitHolder> | undefined;
}

/** A limit that contradicts an earlier use of the same counter; `path` points at the later limit. */
export interface CounterConflict {
  path: Path;
  message: string;
}

// Limits that one call counts together; tool entries also count every all_tools limit.
type LimitSite = { path: Path; noun: string; limits: readonly CounterLimit[]; isToolEntry: boolean };
type CounterUse = { path: Path; limit: CounterLimit };

/**
 * Finds limits that break the shared-budget rule: a counter name in one scope is a single
 * budget, so every use must agree on window and max, and one call must not count it twice.
 * `rate_limit` shorthands are not checked: each has its own counter and cannot collide.
 */
export function findCounterConflicts(policy: PolicyLimitHolders): CounterConflict[] {
  const firstUses = new Map<string, CounterUse>();
  const allToolsUses = new Map<string, CounterUse>();
  const conflicts: CounterConflict[] = [];
  for (const site of listLimitSites(policy)) {
    const usesInCall = new Map(site.isToolEntry ? allToolsUses : []);
    for (const [index, limit] of site.limits.entries()) {
      const use = { path: [...site.path, "limits", index], limit };
      const budget = JSON.stringify([limit.scope, limit.counter]);
      const sameCall = usesInCall.get(budget);
      const first = firstUses.get(budget);
      if (sameCall !== undefined) {
        conflicts.push({ path: use.path, message: describeDoubleCount(limit, sameCall.path, site.noun) });
        continue;
      }
      const mismatch = first === undefined ? undefined : describeMismatch(limit, first);
      if (mismatch !== undefined) conflicts.push({ path: use.path, message: mismatch });
      usesInCall.set(budget, use);
      if (site.path[0] === "all_tools") allToolsUses.set(budget, use);
      if (first === undefined) firstUses.set(budget, use);
    }
  }
  return conflicts;
}

function listLimitSites(policy: PolicyLimitHolders): LimitSite[] {
  const sites: LimitSite[] = [];
  const add = (section: string, noun: string, holders: Partial<Record<string, LimitHolder>> | undefined) => {
    for (const [key, holder] of Object.entries(holders ?? {})) {
      sites.push({
        path: [section, key],
        noun,
        limits: holder?.limits ?? [],
        isToolEntry: section !== "resources" && section !== "prompts",
      });
    }
  };
  sites.push({
    path: ["all_tools"],
    noun: "tool",
    limits: policy.all_tools?.limits ?? [],
    isToolEntry: false,
  });
  add("tools", "tool", policy.tools);
  add("categories", "tool", policy.categories);
  add("resources", "resource", policy.resources);
  add("prompts", "prompt", policy.prompts);
  return sites;
}

function describeBudget(limit: CounterLimit): string {
  return `counter ${JSON.stringify(limit.counter)} in scope ${JSON.stringify(limit.scope)}`;
}

// The proxy would consume the same budget twice for a single call.
function describeDoubleCount(limit: CounterLimit, firstPath: Path, noun: string): string {
  return `${describeBudget(limit)} is already limited by ${formatPath(firstPath)}; a ${noun} may use each counter once per scope`;
}

function describeMismatch(limit: CounterLimit, first: CounterUse): string | undefined {
  if (windowSeconds(limit.window) === windowSeconds(first.limit.window) && limit.max === first.limit.max) {
    return undefined;
  }
  const where = formatPath(first.path);
  return (
    `${describeBudget(limit)} is shared with ${where}, so it must use the same window and max ` +
    `(${where} uses window ${JSON.stringify(first.limit.window)} and max ${first.limit.max})`
  );
}
