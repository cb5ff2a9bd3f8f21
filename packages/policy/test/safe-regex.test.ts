import { describe, expect, it } from "vitest";
import { RE2_SYNTAX_URL } from "../src/describe-regex-error";
import { compileRegex, findRegexProblem, MAX_CACHED_REGEXES } from "../src/safe-regex";

// Messages quote patterns as JSON strings, so a backslash shows doubled, as in the document.
const WHY =
  "which policy regexes cannot use: they run on RE2, which matches in linear time so that no " +
  "pattern can stall the proxy, and so has no lookaround or backreferences.";
const LOOKAHEAD = `${WHY} Match the text itself (e.g. "^prod-" rather than "^(?=prod-)"), or split the test into several conditions, which must all match.`;
const LOOKBEHIND = String.raw`${WHY} Match the text itself (e.g. "@example\\.com$" rather than "(?<=@)example\\.com$"), or split the test into several conditions, which must all match.`;
const BACKREFERENCE = String.raw`${WHY} Spell out the text to repeat (e.g. "(ab)ab" rather than "(ab)\\1").`;
const invalid = (detail: string) =>
  `regex is invalid: ${detail}. Policy regexes use RE2 syntax, described at ${RE2_SYNTAX_URL}.`;

describe("findRegexProblem", () => {
  it.each([
    "^prod-",
    "^[a-z0-9-]+$",
    "^(?:foo|bar)$",
    "(ab)+",
    "(ab){2,5}",
    "(a|b)?c",
    "\\d{1,3}\\.\\d{1,3}",
    "^[()|*+]+$",
    "\\p{L}{2,}",
    "\\x{1F600}+",
    "(?<year>\\d{4})-(?<month>\\d{2})",
    "(?P<year>\\d{4})",
    "(?i)^prod-",
    "a{3}",
    "",
    "x".repeat(500),
    // Shapes a backtracking engine can take exponential time on, which the old shape scanner
    // refused (some of them harmless): RE2 runs them all in linear time.
    "(foo|bar)+",
    "(a+)+",
    "(a*)*",
    "^(a|aa)+$",
    "^.*.*.*x$",
    "(.*a){12}",
    "(?:\\w+\\s?)*$",
    "(a?){10}",
  ])("accepts %j", (pattern) => {
    expect(findRegexProblem(pattern)).toBeUndefined();
  });

  it.each<[string, string]>([
    ["^(?=prod-)", `regex uses a lookahead ("(?="), ${LOOKAHEAD}`],
    ["^(?!test-).*", `regex uses a lookahead ("(?!"), ${LOOKAHEAD}`],
    ["(?<=@)example\\.com$", `regex uses a lookbehind ("(?<="), ${LOOKBEHIND}`],
    ["x(?<!y)", `regex uses a lookbehind ("(?<!"), ${LOOKBEHIND}`],
    ["(a)\\1", String.raw`regex uses a backreference ("\\1"), ${BACKREFERENCE}`],
    ["(?<x>a)\\k<x>", String.raw`regex uses a backreference ("\\k"), ${BACKREFERENCE}`],
    [
      "\\u{1F600}",
      String.raw`regex uses the JavaScript escape "\\u", which RE2 does not accept. Write a code point as "\\x{e9}" or "\\x{1F600}".`,
    ],
    ["(a", invalid('missing closing ) at "(a"')],
    ["a**", invalid('invalid nested repetition operator at "**"')],
    ["a{1001}", invalid('invalid repeat count at "{1001}"')],
    ["[z-a]", invalid('invalid character class range at "z-a"')],
    ["x".repeat(501), "regex must be at most 500 characters"],
  ])("rejects %j", (pattern, message) => {
    expect(findRegexProblem(pattern)).toBe(message);
  });
});

describe("compileRegex", () => {
  it("compiles each pattern once and reuses it", () => {
    expect(compileRegex("^cached-")).toBe(compileRegex("^cached-"));
  });

  it(`keeps at most ${MAX_CACHED_REGEXES} patterns, dropping the least recently used`, () => {
    const recent = compileRegex("^recent$");
    const stale = compileRegex("^stale$");
    compileRegex("^recent$");
    // With these two, one pattern more than the cache holds: only the oldest unused one goes.
    for (let i = 0; i < MAX_CACHED_REGEXES - 1; i++) compileRegex(`^filler-${i}$`);
    expect(compileRegex("^recent$")).toBe(recent);
    expect(compileRegex("^stale$")).not.toBe(stale);
  });
});
