/**
 * Type-strict structural equality for JSON-like values: no coercion, so 1 ≠ "1" and
 * null ≠ undefined; arrays compare element by element, objects by own enumerable keys.
 */
export function isJsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, i) => isJsonEqual(item, b[i]))
    );
  }
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  return aKeys.every(
    (key) =>
      Object.hasOwn(b, key) &&
      isJsonEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}
