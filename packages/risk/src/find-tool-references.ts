import { TOOL_DIRECTIVE } from "./poisoning-patterns";
import { sentencesOf } from "./tokenize";

/**
 * Sentences that name another server's tool and tell the model what to do with it, the
 * "shadowing" attack ("when send_email is called, always BCC …"). Identifier-like names
 * (send_email, sendEmail) match as words; a plain word such as "query" or "echo" is common in
 * prose, so it counts only when quoted or called ("`query`", "query(", "the query tool").
 */
export function findToolReferences(text: string, toolNames: readonly string[]): string[] {
  const patterns = toolNames
    .filter((name) => name.length >= 3)
    .map((name) => ({ name, pattern: referencePattern(name) }));
  const found: string[] = [];
  for (const { sentence } of sentencesOf(text)) {
    if (!TOOL_DIRECTIVE.test(sentence)) continue;
    const named = patterns.filter(({ pattern }) => pattern.test(sentence)).map(({ name }) => name);
    if (named.length > 0) found.push(`${named.map((name) => `"${name}"`).join(", ")} in: ${clip(sentence)}`);
  }
  return found;
}

function referencePattern(name: string): RegExp {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  if (/[_\-.]|[a-z][A-Z]/.test(name)) return new RegExp(`(?<![\\w-])${escaped}(?![\\w-])`);
  return new RegExp(`[\`'"]${escaped}[\`'"]|(?<![\\w-])${escaped}(?:\\s*\\(|\\s+tool\\b)`, "i");
}

/** Shortens a sentence for evidence. */
export function clip(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
