import type { CallFacts } from "./call-facts";
import { readCallPath } from "./call-path";
import type { Condition } from "./condition-schema";
import { isJsonEqual } from "./json-equal";
import { testRegex } from "./safe-regex";

/** Whether every condition matches the call (the list is never empty after validation). */
export function matchesAll(conditions: readonly Condition[], facts: CallFacts): boolean {
  return conditions.every((condition) => matchesCondition(condition, facts));
}

/**
 * Tests one condition. A missing path matches nothing except `exists: false`, so a condition
 * about an argument the agent left out never fires by accident; comparisons never coerce.
 */
export function matchesCondition(condition: Condition, facts: CallFacts): boolean {
  const target = readCallPath(condition.path, facts);
  if (condition.op === "exists") return target.isFound === condition.value;
  if (!target.isFound) return false;
  const actual = target.value;
  switch (condition.op) {
    case "eq":
      return isJsonEqual(actual, condition.value);
    case "neq":
      return !isJsonEqual(actual, condition.value);
    case "in":
      return condition.value.some((candidate) => isJsonEqual(actual, candidate));
    case "not_in":
      return !condition.value.some((candidate) => isJsonEqual(actual, candidate));
    case "lt":
      return typeof actual === "number" && actual < condition.value;
    case "lte":
      return typeof actual === "number" && actual <= condition.value;
    case "gt":
      return typeof actual === "number" && actual > condition.value;
    case "gte":
      return typeof actual === "number" && actual >= condition.value;
    case "regex":
      return typeof actual === "string" && testRegex(condition.value, actual);
    case "contains":
      return containsValue(actual, condition.value);
  }
}

function containsValue(actual: unknown, value: unknown): boolean {
  if (typeof actual === "string") return typeof value === "string" && actual.includes(value);
  if (Array.isArray(actual)) return actual.some((element) => isJsonEqual(element, value));
  return false;
}
