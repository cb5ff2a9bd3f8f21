// Kept apart from condition-schema so the dashboard's editor can list the operators without
// bundling the validators (and the RE2 engine) into the browser.

/** Operators a condition may use; comparisons are type-strict and never coerce. */
export const CONDITION_OPS = [
  "eq",
  "neq",
  "in",
  "not_in",
  "lt",
  "lte",
  "gt",
  "gte",
  "regex",
  "contains",
  "exists",
] as const;

export type ConditionOp = (typeof CONDITION_OPS)[number];
