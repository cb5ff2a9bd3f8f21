// RE2's own messages name the offending text ("invalid escape sequence: `\1`") but not why it
// is refused or what to write instead. The features people bring from JavaScript and PCRE get
// a message of their own; anything else points at RE2's syntax reference.

/** Where RE2's syntax is documented, for messages about patterns it refuses. */
export const RE2_SYNTAX_URL = "https://github.com/google/re2/wiki/Syntax";

const WHY_UNSUPPORTED =
  "which policy regexes cannot use: they run on RE2, which matches in linear time so that no " +
  "pattern can stall the proxy, and so has no lookaround or backreferences";

type Unsupported = { prefix: RegExp; name: string; rewrite: string };

// Patterns are quoted as JSON strings, the way they appear in the policy document.
const quote = JSON.stringify;

const MATCH_INSTEAD = "Match the text itself (e.g.";
const OR_SPLIT = "or split the test into several conditions, which must all match";

const UNSUPPORTED: readonly Unsupported[] = [
  {
    prefix: /^\(\?[=!]/,
    name: "a lookahead",
    rewrite: `${MATCH_INSTEAD} ${quote("^prod-")} rather than ${quote("^(?=prod-)")}), ${OR_SPLIT}`,
  },
  {
    prefix: /^\(\?<[=!]/,
    name: "a lookbehind",
    rewrite: `${MATCH_INSTEAD} ${quote("@example\\.com$")} rather than ${quote("(?<=@)example\\.com$")}), ${OR_SPLIT}`,
  },
  {
    prefix: /^\\(?:[1-9]|k)/,
    name: "a backreference",
    rewrite: `Spell out the text to repeat (e.g. ${quote("(ab)ab")} rather than ${quote("(ab)\\1")})`,
  },
];

/**
 * Turns an RE2 syntax error (its kind and the fragment it names, if any) into a message saying
 * what is wrong and how to rewrite the pattern.
 */
export function describeRegexSyntaxError(kind: string, fragment: string | null): string {
  const text = fragment ?? "";
  for (const feature of UNSUPPORTED) {
    const construct = feature.prefix.exec(text)?.[0];
    if (construct !== undefined) {
      return `regex uses ${feature.name} (${quote(construct)}), ${WHY_UNSUPPORTED}. ${feature.rewrite}.`;
    }
  }
  if (text.startsWith("\\u")) {
    return `regex uses the JavaScript escape ${quote("\\u")}, which RE2 does not accept. Write a code point as ${quote("\\x{e9}")} or ${quote("\\x{1F600}")}.`;
  }
  const where = fragment === null ? "" : ` at ${quote(fragment)}`;
  return `regex is invalid: ${kind}${where}. Policy regexes use RE2 syntax, described at ${RE2_SYNTAX_URL}.`;
}
