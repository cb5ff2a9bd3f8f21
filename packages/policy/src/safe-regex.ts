// Conditions run agent-controlled strings (up to the proxy's string cap) through a policy
// author's regex on every call. Policy regexes therefore run on RE2, which matches in time
// linear in the input whatever the pattern, so no pattern can stall the proxy for other
// tenants. The price is RE2's syntax: no lookaround and no backreferences, the two features
// that need a backtracking engine.
import { RE2JS, RE2JSSyntaxException } from "re2js";
import { describeRegexSyntaxError } from "./describe-regex-error";

/** The longest regex a condition may use. */
const MAX_REGEX_CHARS = 500;

/** How many compiled regexes are kept; beyond it the least recently used is dropped. */
export const MAX_CACHED_REGEXES = 1000;

// Compiling costs far more than matching a typical argument, and a policy is re-parsed each time a grant is loaded
// while its conditions run on every call, so programs are kept by pattern text. The cap bounds
// memory however many patterns tenants write; an evicted pattern is simply compiled again.
const compiledRegexes = new Map<string, RE2JS>();

/**
 * The compiled program for a policy regex, cached; throws on a pattern that
 * findRegexProblem would reject.
 */
export function compileRegex(pattern: string): RE2JS {
  const cached = compiledRegexes.get(pattern);
  if (cached !== undefined) {
    // Re-inserting moves the pattern to the end of the Map's order: most recently used.
    compiledRegexes.delete(pattern);
    compiledRegexes.set(pattern, cached);
    return cached;
  }
  const regex = RE2JS.compile(pattern);
  compiledRegexes.set(pattern, regex);
  if (compiledRegexes.size > MAX_CACHED_REGEXES) {
    const oldest = compiledRegexes.keys().next();
    if (oldest.done !== true) compiledRegexes.delete(oldest.value);
  }
  return regex;
}

/** Whether the regex matches anywhere in text (unanchored unless the pattern anchors), like RegExp.test. */
export function testRegex(pattern: string, text: string): boolean {
  return compileRegex(pattern).test(text);
}

/** Explains why a pattern cannot be used in a condition, or returns undefined when it can. */
export function findRegexProblem(pattern: string): string | undefined {
  if (pattern.length > MAX_REGEX_CHARS) return `regex must be at most ${MAX_REGEX_CHARS} characters`;
  try {
    compileRegex(pattern);
    return undefined;
  } catch (error) {
    if (error instanceof RE2JSSyntaxException) return describeRegexSyntaxError(error.error, error.input);
    return `regex is invalid: ${error instanceof Error ? error.message : String(error)}`;
  }
}
