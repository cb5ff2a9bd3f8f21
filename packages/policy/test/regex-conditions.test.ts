import { describe, expect, it } from "vitest";
import { ConditionSchema } from "../src/condition-schema";
import { matchesCondition } from "../src/conditions";
import { factsFor } from "./policy-fixtures";

/** The longest string argument the proxy lets through (apps/proxy http-limits). */
const MAX_ARGUMENT_CHARS = 262_144;

function matchesRegex(pattern: string, text: string): boolean {
  const condition = ConditionSchema.parse({ path: "args.text", op: "regex", value: pattern });
  return matchesCondition(condition, factsFor({ args: { text } }));
}

/** A maximum-size argument: `unit` repeated, ending with `tail`. */
function maxArgument(unit: string, tail = ""): string {
  const length = MAX_ARGUMENT_CHARS - tail.length;
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length) + tail;
}

describe("regex conditions on hostile input", () => {
  // No timing assertion: the guarantee is RE2's linear-time matching, not a benchmark. Each row
  // is a pattern and a maximum-size argument on which a backtracking engine (JavaScript's
  // RegExp) runs for minutes to ages, so a regression back to one hangs this suite visibly.
  it.each<[string, string, string, boolean]>([
    ["^.*.*.*x$", "a…a", maxArgument("a"), false],
    ["^.*.*.*x$", "a…ax", maxArgument("a", "x"), true],
    ["(a+)+$", "a…a!", maxArgument("a", "!"), false],
    ["(a|aa)+$", "a…a!", maxArgument("a", "!"), false],
    ["(.*a){12}$", "a…a!", maxArgument("a", "!"), false],
    ["(.*a){12}", "a…a", maxArgument("a"), true],
    ["(x+x+)+y", "x…x", maxArgument("x"), false],
  ])("%j on %s (262,144 characters) → %s", (pattern, _shape, text, expected) => {
    expect(text.length).toBe(MAX_ARGUMENT_CHARS);
    expect(matchesRegex(pattern, text)).toBe(expected);
  });
});

describe("regex conditions match like JavaScript's RegExp with the u flag", () => {
  // Policies were matched with `new RegExp(pattern, "u")` before RE2; every row is checked
  // against both, so a pattern valid in both keeps its meaning, non-ASCII text included.
  it.each<[string, string, boolean]>([
    ["^prod-", "prod-llm", true],
    ["^prod-", "staging-prod-llm", false],
    ["prod", "staging-prod-llm", true],
    ["llm$", "prod-llm\n", false],
    ["^llm", "prod\nllm", false],
    ["^é$", "é", true],
    ["é", "CAFÉ", false],
    ["ß", "straße", true],
    ["^.$", "😀", true],
    ["^..$", "😀", false],
    ["^[^a]$", "😀", true],
    ["[😀-😂]", "a😁b", true],
    ["^\\x{1F600}$", "😀", true],
    ["^\\p{L}+$", "日本語", true],
    ["^\\p{Lu}", "Ärger", true],
    ["^\\w+$", "naïve", false],
    ["\\w+$", "naïve", true],
    ["\\bcafé\\b", "un café noir", false],
    ["\\d", "٣", false],
    ["^.$", "\uD800", true],
    ["^.$", "\n", false],
    ["", "anything", true],
  ])("%j on %j → %s", (pattern, text, expected) => {
    expect(matchesRegex(pattern, text)).toBe(expected);
    if (!pattern.includes("\\x{")) expect(new RegExp(pattern, "u").test(text)).toBe(expected);
  });

  // The few places RE2 reads a pattern differently, as PRECEDENCE.md documents.
  it.each<[string, string, boolean]>([
    [".", "\u2028", true],
    ["\\s", "\u00a0", false],
    ["(?i)é", "CAFÉ", true],
  ])("RE2 reads %j on %j as %s", (pattern, text, expected) => {
    expect(matchesRegex(pattern, text)).toBe(expected);
  });
});
