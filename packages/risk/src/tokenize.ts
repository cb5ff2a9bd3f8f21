import { AUX_VERBS, VERB_CATEGORY } from "./lexicon";

/** Characters that render as nothing or reorder text; they are stripped before any word is read. */
export const INVISIBLE_CHARS =
  /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]|[\u{E0000}-\u{E007F}]/gu;

/** NFKC-normalises text and drops invisible characters, so "del\u200Bete" still reads as "delete". */
export function normalizeText(text: string): string {
  return text.normalize("NFKC").replace(INVISIBLE_CHARS, "");
}

/** Splits an identifier into lower-case words: snake_case, kebab-case, camelCase, dotted and digits. */
export function splitName(name: string): string[] {
  return normalizeText(name)
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
}

/** The words of a prose text, in order and as written. */
export function proseWords(text: string): string[] {
  return normalizeText(text).match(/[A-Za-z]+/g) ?? [];
}

/** The first sentence (or first line) of a description, trimmed. */
export function firstSentence(text: string): string {
  const sentences = normalizeText(text)
    .trim()
    .split(/(?<=[.!?])\s+|\n/);
  return sentences.find((sentence) => sentence.trim().length > 0)?.trim() ?? "";
}

/** Splits a text into sentences and lines, keeping each with its start offset. */
export function sentencesOf(text: string): { sentence: string; offset: number }[] {
  const result: { sentence: string; offset: number }[] = [];
  // A full stop inside a word (mcp.json, ~/.ssh) does not end a sentence.
  const pattern = /(?:[^.!?\n]|[.!?]+(?=[^\s.!?]))+[.!?]*/g;
  for (const match of text.matchAll(pattern)) {
    if (match[0].trim().length > 0) result.push({ sentence: match[0].trim(), offset: match.index });
  }
  return result;
}

/**
 * The verb a prose word stands for, if any. Descriptions use the base form ("Create") or the
 * third person ("Creates", "Pushes", "Applies"); "-ing" and "-ed" forms are usually adjectives
 * ("running process", "deleted runs") and are ignored.
 */
export function proseVerb(written: string): string | undefined {
  const word = written.toLowerCase();
  const candidates = [word];
  if (word.endsWith("ies")) candidates.push(`${word.slice(0, -3)}y`);
  if (word.endsWith("es")) candidates.push(word.slice(0, -2));
  if (word.endsWith("s")) candidates.push(word.slice(0, -1));
  return candidates.find((candidate) => VERB_CATEGORY.has(candidate) || AUX_VERBS.has(candidate));
}

/** The singular of a plural noun in a name or sentence ("invoices" → "invoice"); a naive rule is enough here. */
export function singular(written: string): string {
  const word = written.toLowerCase();
  if (word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (/(?:ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}
