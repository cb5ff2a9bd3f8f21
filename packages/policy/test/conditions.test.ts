import { describe, expect, it } from "vitest";
import type { CallFacts } from "../src/call-facts";
import { ConditionSchema } from "../src/condition-schema";
import { matchesCondition } from "../src/conditions";
import { factsFor } from "./policy-fixtures";

const ARGS = {
  name: "prod-llm",
  count: 3,
  zero: 0,
  flag: false,
  nothing: null,
  tags: ["a", "b", { k: 1 }],
  nested: { deep: { value: "x" }, "0": "key zero" },
  items: [{ id: "first" }, { id: "second" }],
};

// [path, op, value, expected match] against ARGS and the default facts.
const ROWS: [string, string, unknown, boolean][] = [
  ["args.name", "eq", "prod-llm", true],
  ["args.name", "eq", "PROD-LLM", false],
  ["args.count", "eq", 3, true],
  ["args.count", "eq", "3", false],
  ["args.zero", "eq", false, false],
  ["args.nothing", "eq", null, true],
  ["args.missing", "eq", null, false],
  ["args.tags", "eq", ["a", "b", { k: 1 }], true],
  ["args.nested.deep", "eq", { value: "x" }, true],
  ["args.name", "neq", "other", true],
  ["args.name", "neq", "prod-llm", false],
  ["args.missing", "neq", "anything", false],
  ["args.count", "in", [1, 2, 3], true],
  ["args.count", "in", ["3"], false],
  ["args.missing", "in", [null], false],
  ["args.count", "not_in", [1, 2], true],
  ["args.count", "not_in", [3], false],
  ["args.missing", "not_in", [1], false],
  ["args.count", "lt", 4, true],
  ["args.count", "lt", 3, false],
  ["args.count", "lte", 3, true],
  ["args.count", "gt", 2, true],
  ["args.count", "gt", 3, false],
  ["args.count", "gte", 3, true],
  ["args.name", "lt", 10, false],
  ["args.missing", "gte", 0, false],
  ["args.name", "regex", "^prod-", true],
  ["args.name", "regex", "^staging-", false],
  ["args.count", "regex", "3", false],
  ["args.name", "contains", "od-l", true],
  ["args.name", "contains", "xyz", false],
  ["args.tags", "contains", "b", true],
  ["args.tags", "contains", { k: 1 }, true],
  ["args.tags", "contains", "c", false],
  ["args.count", "contains", 3, false],
  ["args.name", "contains", 1, false],
  ["args.name", "exists", true, true],
  ["args.nothing", "exists", true, true],
  ["args.missing", "exists", true, false],
  ["args.missing", "exists", false, true],
  ["args.name.length", "exists", true, false],
  ["args.constructor", "exists", true, false],
  ["args.nested.deep.value", "eq", "x", true],
  ["args.nested.0", "eq", "key zero", true],
  ["args.items.1.id", "eq", "second", true],
  ["args.items.01.id", "exists", true, false],
  ["args.items.2.id", "exists", true, false],
  ["args.items.length", "exists", true, false],
  ["tool", "eq", "copy_model_version", true],
  ["grant", "eq", "grant_1", true],
  ["grant.id", "eq", "grant_1", true],
  ["grant.name", "eq", "ci-bot", true],
  ["session", "eq", "sess_1", true],
  ["session.id", "regex", "^sess_", true],
  ["category", "exists", false, true],
];

function matches(path: string, op: string, value: unknown, facts: CallFacts): boolean {
  return matchesCondition(ConditionSchema.parse({ path, op, value }), facts);
}

describe("matchesCondition", () => {
  it.each(ROWS)("%s %s %j → %s", (path, op, value, expected) => {
    expect(matches(path, op, value, factsFor({ args: ARGS }))).toBe(expected);
  });

  it.each<[string, Partial<CallFacts>, boolean]>([
    ["session", { session: { id: null } }, false],
    ["session.id", { session: { id: null } }, false],
    ["grant.name", { grant: { id: "g" } }, false],
    ["category", { category: "write" }, true],
  ])("treats %s as present only when the fact is known (%j)", (path, overrides, isPresent) => {
    expect(matches(path, "exists", true, factsFor(overrides))).toBe(isPresent);
  });
});
