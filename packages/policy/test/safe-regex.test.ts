import { describe, expect, it } from "vitest";
import { findRegexProblem } from "../src/safe-regex";

const NESTED = (fragment: string) =>
  `regex repeats ${JSON.stringify(fragment)}, a group that itself contains a quantifier or "|" alternatives; ` +
  "such patterns can backtrack catastrophically (exponential time on some inputs), so they are not allowed. " +
  'Repeat a single character or class instead, e.g. "[a-z0-9-]+"';

describe("findRegexProblem", () => {
  it.each([
    "^prod-",
    "^[a-z0-9-]+$",
    "^(?:foo|bar)$",
    "(ab)+",
    "(ab){2,5}",
    "(a+)?",
    "(a|b)?c",
    "\\d{1,3}\\.\\d{1,3}",
    "^[()|*+]+$",
    "\\(a+\\)+",
    "\\p{L}{2,}",
    "\\u{1F600}+",
    "(?<year>\\d{4})-(?<month>\\d{2})",
    "(?<=@)example\\.com$",
    "a{3}",
    "(a{3})+",
    "x".repeat(500),
  ])("accepts %j", (pattern) => {
    expect(findRegexProblem(pattern)).toBeUndefined();
  });

  it.each<[string, string]>([
    ["(a+)+", NESTED("(a+)+")],
    ["(a*)*", NESTED("(a*)*")],
    ["^(a|aa)+$", NESTED("(a|aa)+")],
    ["(?:\\w+\\s?)*$", NESTED("(?:\\w+\\s?)*")],
    ["((ab)*c)+", NESTED("((ab)*c)+")],
    ["(x(a|b))+", NESTED("(x(a|b))+")],
    ["(a+){2,}", NESTED("(a+){2,}")],
    ["(a?){10}", NESTED("(a?){10}")],
    ["([a-z]+,)*?", NESTED("([a-z]+,)*?")],
    ["(a)\\1", "regex must not use backreferences (found \\1): matching them can take exponential time"],
    [
      "(?<x>a)\\k<x>",
      "regex must not use backreferences (found \\k): matching them can take exponential time",
    ],
    ["(a", "regex is invalid: Invalid regular expression: /(a/u: Unterminated group"],
    ["a{", "regex is invalid: Invalid regular expression: /a{/u: Incomplete quantifier"],
    ["\\_", "regex is invalid: Invalid regular expression: /\\_/u: Invalid escape"],
    ["x".repeat(501), "regex must be at most 500 characters"],
  ])("rejects %j", (pattern, message) => {
    expect(findRegexProblem(pattern)).toBe(message);
  });
});
