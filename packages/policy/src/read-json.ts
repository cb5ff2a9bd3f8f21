import { findJsonErrorOffset, locateOffset } from "./locate-json-error";
import type { PolicyError } from "./policy-error";

/** The outcome of decoding JSON text. */
export type JsonReadResult = { ok: true; value: unknown } | { ok: false; error: PolicyError };

/** Decodes JSON text, reporting syntax errors by line and column rather than V8's character offset. */
export function readJson(text: string): JsonReadResult {
  // Editors on Windows may save a byte-order mark, which JSON.parse rejects.
  const source = text.startsWith("\uFEFF") ? text.slice(1) : text;
  if (source.trim() === "") {
    return {
      ok: false,
      error: {
        path: "",
        message: 'policy is empty; expected a JSON object such as {"version": "1", "default": "deny"}',
      },
    };
  }
  try {
    return { ok: true, value: JSON.parse(source) };
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    return { ok: false, error: { path: "", message: describeSyntaxError(error.message, source) } };
  }
}

function describeSyntaxError(message: string, source: string): string {
  // Drop V8's own location details; the line and column replace them.
  const detail = message
    .replace(/,? ?(\.\.\.)?"[\s\S]*"(\.\.\.)? is not valid JSON$/, "")
    .replace(/ (in JSON )?at position \d+.*$/, "")
    .replace(/^\w/, (letter) => letter.toLowerCase());
  const offset = findJsonErrorOffset(message, source);
  if (offset === undefined) return `invalid JSON: ${detail}`;
  const { line, column } = locateOffset(source, offset);
  return `invalid JSON at line ${line}, column ${column}: ${detail}`;
}
