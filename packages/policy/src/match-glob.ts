// Glob syntax for tool names, resource URIs and prompt names: "*" matches any run of
// characters (including none), "?" exactly one character, and everything else is literal.
// Matching is a linear two-pointer scan rather than a RegExp, so a glob can never backtrack.

/** Whether a policy key is a glob (contains "*" or "?") rather than an exact name. */
export function isGlob(key: string): boolean {
  return key.includes("*") || key.includes("?");
}

/** How specific a glob is: the number of literal (non-wildcard) characters in it. */
export function countLiteralChars(glob: string): number {
  let count = 0;
  for (const char of glob) if (char !== "*" && char !== "?") count++;
  return count;
}

/** Whether `text` matches `glob` as a whole, comparing Unicode code points. */
export function matchGlob(glob: string, text: string): boolean {
  const pattern = Array.from(glob);
  const input = Array.from(text);
  let p = 0;
  let t = 0;
  // Where the last "*" was seen and how much input it has swallowed so far.
  let starP = -1;
  let starT = 0;
  while (t < input.length) {
    const char = pattern[p];
    if (char === "*") {
      starP = p++;
      starT = t;
    } else if (char !== undefined && (char === "?" || char === input[t])) {
      p++;
      t++;
    } else if (starP !== -1) {
      // Let the last "*" swallow one more character and retry from just after it.
      p = starP + 1;
      t = ++starT;
    } else {
      return false;
    }
  }
  while (pattern[p] === "*") p++;
  return p === pattern.length;
}
