import { type CallFacts, describeItem } from "./call-facts";
import { readCallPath } from "./call-path";
import type { ResolvedLimit } from "./decision";
import { toJsonPointer } from "./json-pointer";
import { windowBounds, windowSeconds } from "./limit-window";
import type { Limit, Policy, PolicyEntry } from "./policy-schema";

/** The limits a call counts against, or the reason it cannot be counted (and so is denied). */
export type LimitResolution =
  | { isCountable: true; limits: ResolvedLimit[] }
  | { isCountable: false; rule: string; reason: string };

type LimitSource = { limit: Limit; pointer: string };

/**
 * Lists the limits a call selected by `entry` (at `entryPath`, or none for the default) counts
 * against, in order: the entry's limits, its rate_limit shorthand, then all_tools for tools.
 */
export function listLimitSources(
  policy: Policy,
  facts: CallFacts,
  selected: { entry: PolicyEntry; path: string[] } | undefined,
): LimitSource[] {
  const sources: LimitSource[] = [];
  if (selected !== undefined) {
    const { entry, path } = selected;
    for (const [index, limit] of (entry.limits ?? []).entries()) {
      sources.push({ limit, pointer: toJsonPointer([...path, "limits", index]) });
    }
    if (entry.rate_limit !== undefined) {
      const pointer = toJsonPointer([...path, "rate_limit"]);
      // Each shorthand gets its own budget; "/" never appears in a named counter, so this
      // counter cannot collide with one written in the policy.
      const { max, window } = entry.rate_limit;
      sources.push({ limit: { counter: `rate_limit:${pointer}`, window, max, scope: "grant" }, pointer });
    }
  }
  if (facts.kind === "tool") {
    for (const [index, limit] of (policy.all_tools?.limits ?? []).entries()) {
      sources.push({ limit, pointer: toJsonPointer(["all_tools", "limits", index]) });
    }
  }
  return sources;
}

/** Places each limit's window around `now` and works out how much this call counts. */
export function resolveLimits(sources: readonly LimitSource[], facts: CallFacts, now: Date): LimitResolution {
  const limits: ResolvedLimit[] = [];
  for (const { limit, pointer } of sources) {
    const increment = readIncrement(limit, facts);
    if ("problem" in increment) {
      return {
        isCountable: false,
        rule: pointer,
        reason: `${describeItem(facts)} cannot be counted against limit ${JSON.stringify(limit.counter)}: ${increment.problem}.`,
      };
    }
    const { startMs, endMs } = windowBounds(limit.window, now);
    limits.push({
      counter: limit.counter,
      scope: limit.scope,
      max: limit.max,
      windowSeconds: windowSeconds(limit.window),
      increment: increment.amount,
      windowStartMs: startMs,
      windowEndMs: endMs,
      pointer,
    });
  }
  return { isCountable: true, limits };
}

// Fails closed: an increment the agent controls must be a usable amount, or the call is refused.
function readIncrement(limit: Limit, facts: CallFacts): { amount: number } | { problem: string } {
  const path = limit.increment_from;
  if (path === undefined) return { amount: 1 };
  const read = readCallPath(path, facts);
  const expectation = "it must be a non-negative number";
  if (!read.isFound) return { problem: `${path} is missing (${expectation})` };
  if (typeof read.value !== "number" || !Number.isFinite(read.value)) {
    return { problem: `${path} is not a finite number (${expectation})` };
  }
  if (read.value < 0) return { problem: `${path} is negative (${expectation})` };
  // JSON can carry -0, which is not negative but would print oddly in counters and logs.
  return { amount: read.value === 0 ? 0 : read.value };
}
