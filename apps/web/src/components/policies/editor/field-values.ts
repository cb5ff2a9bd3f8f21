// The visual editor edits JSON values through text inputs. These conversions keep what a
// person types round-tripping exactly, and leave anything odd for validation to explain.

/** A whole number as a number; anything else stays text, so validation can name the problem. */
export function toNumberOrText(text: string): number | string {
  const trimmed = text.trim();
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : text;
}

/** JSON when the text is JSON (`42`, `true`, `["a"]`, `"quoted"`), otherwise the text itself. */
export function toJsonOrText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The inverse of toJsonOrText: plain text for strings that would not read back as JSON. */
export function showValue(value: unknown): string {
  if (value === undefined) return "";
  if (typeof value === "string" && toJsonOrText(value) === value) return value;
  return JSON.stringify(value);
}

/** Text for an input bound to a number-or-text value. */
export function showText(value: unknown): string {
  return typeof value === "string" || typeof value === "number" ? String(value) : "";
}
