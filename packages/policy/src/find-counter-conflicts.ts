import { formatPath } from "./format-path";
import { type LimitWindow, windowSeconds } from "./limit-window";

interface CounterLimit {
  counter: string;
  window: LimitWindow;
  max: number;
  scope: string;
}

/** A limit that contradicts an earlier use of the same counter; `path` points at the later limit. */
export interface CounterConflict {
  path: (string | number)[];
  message: string;
}

/**
 * Finds limits that break the shared-budget rule: a counter name in one scope is a single
 * budget, so every use must agree on window and max, and one tool must not count it twice.
 */
export function findCounterConflicts(
  tools: Record<string, { limits?: readonly CounterLimit[] | undefined }>,
): CounterConflict[] {
  const firstUses = new Map<string, { tool: string; index: number; limit: CounterLimit }>();
  const conflicts: CounterConflict[] = [];
  for (const [tool, rule] of Object.entries(tools)) {
    for (const [index, limit] of (rule.limits ?? []).entries()) {
      const budget = JSON.stringify([limit.scope, limit.counter]);
      const first = firstUses.get(budget);
      if (first === undefined) {
        firstUses.set(budget, { tool, index, limit });
        continue;
      }
      const message = describeConflict(limit, first.limit, first.tool === tool, [
        "tools",
        first.tool,
        "limits",
        first.index,
      ]);
      if (message !== undefined) conflicts.push({ path: ["tools", tool, "limits", index], message });
    }
  }
  return conflicts;
}

function describeConflict(
  limit: CounterLimit,
  first: CounterLimit,
  isSameTool: boolean,
  firstPath: (string | number)[],
): string | undefined {
  const budget = `counter ${JSON.stringify(limit.counter)} in scope ${JSON.stringify(limit.scope)}`;
  const where = formatPath(firstPath);
  if (isSameTool) {
    // The proxy would consume the same budget twice for a single call.
    return `${budget} is already limited by ${where}; a tool may use each counter once per scope`;
  }
  if (windowSeconds(limit.window) === windowSeconds(first.window) && limit.max === first.max) {
    return undefined;
  }
  return (
    `${budget} is shared with ${where}, so it must use the same window and max ` +
    `(${where} uses window ${JSON.stringify(first.window)} and max ${first.max})`
  );
}
