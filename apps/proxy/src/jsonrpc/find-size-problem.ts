/** How deep a message may nest and how long its strings may be. */
export type SizeLimits = { maxDepth: number; maxStringChars: number };

/**
 * Explains how a parsed JSON value exceeds the limits, or returns undefined. The walk keeps
 * its own stack rather than recursing: JSON.parse accepts nesting millions deep, which would
 * overflow the call stack of any recursive reader, this one included.
 */
export function findSizeProblem(value: unknown, limits: SizeLimits): string | undefined {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (typeof item.value === "string") {
      if (item.value.length > limits.maxStringChars) return stringTooLong(limits);
      continue;
    }
    if (item.value === null || typeof item.value !== "object") continue;
    const depth = item.depth + 1;
    if (depth > limits.maxDepth) {
      return `the message nests deeper than ${limits.maxDepth} levels of objects and arrays (GATEHOUSE_MAX_JSON_DEPTH); flatten the arguments`;
    }
    const entries = Array.isArray(item.value) ? item.value.entries() : Object.entries(item.value);
    for (const [key, child] of entries) {
      if (typeof key === "string" && key.length > limits.maxStringChars) return stringTooLong(limits);
      stack.push({ value: child, depth });
    }
  }
  return undefined;
}

function stringTooLong(limits: SizeLimits): string {
  return `a string in the message is longer than ${limits.maxStringChars} characters (GATEHOUSE_MAX_STRING_CHARS); send large content by reference (a path or URL) instead`;
}
