// V8 shows this many characters either side of the offending token when it quotes the source.
const V8_CONTEXT_CHARS = 10;

/** A 1-based position in text, as editors show it. */
export interface TextLocation {
  line: number;
  column: number;
}

/**
 * Finds the character offset a V8 JSON.parse SyntaxError refers to. Most messages say
 * "at position N"; "Unexpected token" messages instead quote the source around the token.
 */
export function findJsonErrorOffset(message: string, text: string): number | undefined {
  const position = /at position (\d+)/.exec(message);
  if (position?.[1] !== undefined) return Number(position[1]);
  if (message.startsWith("Unexpected end of JSON input")) return text.length;
  const quoted = /^Unexpected token '(.+?)', (\.\.\.)?"([\s\S]*)"(?:\.\.\.)? is not valid JSON$/.exec(
    message,
  );
  if (quoted === null) return undefined;
  const [, token = "", ellipsis, snippet = ""] = quoted;
  if (ellipsis !== undefined) {
    // The snippet starts a fixed distance before the token, so the token pins the occurrence.
    for (let start = text.indexOf(snippet); start !== -1; start = text.indexOf(snippet, start + 1)) {
      if (text.startsWith(token, start + V8_CONTEXT_CHARS)) return start + V8_CONTEXT_CHARS;
    }
    return undefined;
  }
  // Without a leading ellipsis the snippet is the start of the text, so a token that occurs
  // only once in it is the one V8 means; anything less certain is better left unreported.
  const first = snippet.indexOf(token);
  return first !== -1 && snippet.indexOf(token, first + 1) === -1 ? first : undefined;
}

/** Converts a character offset into a 1-based line and column. */
export function locateOffset(text: string, offset: number): TextLocation {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf("\n") + 1;
  return { line: before.split("\n").length, column: offset - lineStart + 1 };
}
