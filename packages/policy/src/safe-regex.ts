// Conditions run agent-controlled strings through policy regexes on every call, so a regex
// that can backtrack catastrophically would let an agent stall the proxy. Rather than
// guess at timing, validation rejects the shapes that cause it: backreferences, and a
// repeated group that itself contains a variable quantifier or "|" alternatives, such as
// "(a+)+", "(a*)*" or "(a|aa)+". The check is deliberately conservative.

/** Flags every policy regex is compiled with; "u" gives strict, unambiguous syntax. */
const REGEX_FLAGS = "u";

/** The longest regex a condition may use. */
const MAX_REGEX_CHARS = 500;

type Frame = { start: number; isVariable: boolean };
type Quantifier = { min: number; max: number; end: number };

/** Compiles a policy regex; callers pass only patterns that passed findRegexProblem. */
export function compileRegex(pattern: string): RegExp {
  return new RegExp(pattern, REGEX_FLAGS);
}

/** Explains why a pattern cannot be used in a condition, or returns undefined when it is safe. */
export function findRegexProblem(pattern: string): string | undefined {
  if (pattern.length > MAX_REGEX_CHARS) return `regex must be at most ${MAX_REGEX_CHARS} characters`;
  try {
    compileRegex(pattern);
  } catch (error) {
    return `regex is invalid: ${error instanceof Error ? error.message : String(error)}`;
  }
  return findBacktrackingRisk(pattern);
}

/**
 * Scans a syntactically valid "u"-mode pattern. Each open group records whether it contains
 * something that can match in more than one way (a variable quantifier or alternatives);
 * repeating such a group is what makes backtracking exponential.
 */
function findBacktrackingRisk(pattern: string): string | undefined {
  const frames: Frame[] = [{ start: 0, isVariable: false }];
  let i = 0;
  while (i < pattern.length) {
    const char = pattern[i];
    if (char === "(") {
      frames.push({ start: i, isVariable: false });
      i = skipGroupPrefix(pattern, i);
      continue;
    }
    const top = frames.at(-1) ?? { start: 0, isVariable: false };
    if (char === "|") top.isVariable = true;
    if (char === "|" || char === "^" || char === "$") {
      i++;
      continue;
    }
    if (char === "\\" && isBackreference(pattern, i)) {
      const reference = pattern.slice(i, i + 2);
      return `regex must not use backreferences (found ${reference}): matching them can take exponential time`;
    }
    const closed = char === ")" ? frames.pop() : undefined;
    const parent = frames.at(-1) ?? top;
    const atomStart = closed?.start ?? i;
    const atomEnd = closed === undefined ? skipAtom(pattern, i) : i + 1;
    const quantifier = readQuantifier(pattern, atomEnd);
    if (closed?.isVariable === true && quantifier !== undefined && quantifier.max > 1) {
      return describeNestedRepeat(pattern.slice(atomStart, quantifier.end));
    }
    if (closed?.isVariable === true || (quantifier !== undefined && quantifier.min !== quantifier.max)) {
      parent.isVariable = true;
    }
    i = quantifier?.end ?? atomEnd;
  }
  return undefined;
}

function describeNestedRepeat(fragment: string): string {
  return (
    `regex repeats ${JSON.stringify(fragment)}, a group that itself contains a quantifier or "|" ` +
    "alternatives; such patterns can backtrack catastrophically (exponential time on some inputs), " +
    'so they are not allowed. Repeat a single character or class instead, e.g. "[a-z0-9-]+"'
  );
}

function isBackreference(pattern: string, i: number): boolean {
  const next = pattern[i + 1] ?? "";
  return (next >= "1" && next <= "9") || next === "k";
}

// Moves past "(", "(?:", "(?=", "(?!", "(?<=", "(?<!", "(?<name>" or a modifier group "(?i:".
function skipGroupPrefix(pattern: string, i: number): number {
  if (pattern[i + 1] !== "?") return i + 1;
  if (pattern.startsWith("?<=", i + 1) || pattern.startsWith("?<!", i + 1)) return i + 4;
  if (pattern[i + 2] === "<") return pattern.indexOf(">", i) + 1;
  if (pattern[i + 2] === ":" || pattern[i + 2] === "=" || pattern[i + 2] === "!") return i + 3;
  return pattern.indexOf(":", i) + 1;
}

// Moves past one atom: a character class, an escape or a single character.
function skipAtom(pattern: string, i: number): number {
  const char = pattern[i];
  if (char === "[") {
    let j = i + 1;
    if (pattern[j] === "^") j++;
    while (j < pattern.length && pattern[j] !== "]") j += pattern[j] === "\\" ? 2 : 1;
    return j + 1;
  }
  if (char === "\\") {
    // "\p{…}", "\P{…}" and "\u{…}" carry braces that are not a quantifier.
    const kind = pattern[i + 1];
    const isBraced = (kind === "p" || kind === "P" || kind === "u") && pattern[i + 2] === "{";
    return isBraced ? pattern.indexOf("}", i) + 1 : i + 2;
  }
  return i + 1;
}

function readQuantifier(pattern: string, i: number): Quantifier | undefined {
  const char = pattern[i];
  let quantifier: Quantifier | undefined;
  if (char === "*") quantifier = { min: 0, max: Number.POSITIVE_INFINITY, end: i + 1 };
  else if (char === "+") quantifier = { min: 1, max: Number.POSITIVE_INFINITY, end: i + 1 };
  else if (char === "?") quantifier = { min: 0, max: 1, end: i + 1 };
  else if (char === "{") {
    const braces = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
    if (braces === null) return undefined;
    const min = Number(braces[1]);
    const max = braces[2] === undefined ? min : braces[3] ? Number(braces[3]) : Number.POSITIVE_INFINITY;
    quantifier = { min, max, end: i + braces[0].length };
  }
  // A trailing "?" makes the quantifier lazy, which changes the order tried, not the risk.
  if (quantifier !== undefined && pattern[quantifier.end] === "?") quantifier.end++;
  return quantifier;
}
