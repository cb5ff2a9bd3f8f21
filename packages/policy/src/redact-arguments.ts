import type { LogArgumentsMode } from "./policy-schema";

/** A JSON value, as call arguments arrive and as the audit log stores them. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** What replaces a secret; the structure around it is kept. */
export const REDACTED = "[REDACTED]";
/** Marks a value cut short so the stored arguments stay small. */
export const TRUNCATED = "[TRUNCATED]";

/** The most the audit log stores of one call's arguments, as JSON. */
export const MAX_LOGGED_ARGUMENT_BYTES = 8 * 1024;
const MAX_STRING_CHARS = 1024;
// Deeper nesting is cut off instead of walked, so a hostile document cannot exhaust the stack.
const MAX_DEPTH = 32;

/**
 * Field names whose values are secrets whatever they look like. Names are compared in lower
 * case with `_`, `-` and spaces removed, so `api_key`, `apiKey` and `API-Key` are one name;
 * `token` must not be followed by `s`, so `max_tokens` (a number of tokens) is kept.
 */
const SECRET_NAME =
  /password|passwd|passphrase|secret|token(?!s)|apikey|accesskey|authorization|privatekey|credential|cookie|^auth$|^pwd$/;

/** Secrets recognised inside any string; each match is masked and the rest of the string kept. */
const SECRET_PATTERNS: [RegExp, string][] = [
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g, REDACTED],
  [/\bBearer\s+[\w.~+/=-]{8,}/gi, `Bearer ${REDACTED}`],
  [/\beyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g, REDACTED],
  [/\bsk-[\w-]{16,}/g, REDACTED],
  [/\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_\w{20,})/g, REDACTED],
  [/\bxox[abprs]-[\w-]{10,}/g, REDACTED],
  [/\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g, REDACTED],
  [/\bghg_[\w-]{20,}/g, REDACTED],
  // The password of a URL such as postgres://user:password@host.
  [/(\/\/[^/\s:@]+:)[^@\s/]+@/g, `$1${REDACTED}@`],
  // `password=…` or `"token": "…"` inside a larger string (a query string, a config blob).
  [
    /((?:password|passwd|secret|token|api[_-]?key|access[_-]?key)"?\s*[=:]\s*"?)[^\s"'&,;]+/gi,
    `$1${REDACTED}`,
  ],
  [/\b[A-Fa-f0-9]{32,}\b/g, REDACTED],
];

// A run of base64 characters this long mixing upper case, lower case and digits is taken for a
// random secret: words, identifiers and paths rarely mix all three over forty characters.
const BASE64_RUN = /[A-Za-z0-9+/_-]{40,}={0,2}/g;

type Transform = { string: (text: string) => string; isSecretName: (key: string) => boolean };

const MASK_SECRETS: Transform = {
  string: redactString,
  isSecretName: (key) => SECRET_NAME.test(squash(key)),
};
const KEEP_ALL: Transform = { string: (text) => truncate(text), isSecretName: () => false };

/** Masks the secrets in a JSON value, by field name and by pattern in every string, keeping its structure. */
export function redactArguments(value: JsonValue): JsonValue {
  return walk(value, 0, MASK_SECRETS);
}

/**
 * The argument values the audit log stores under a policy's `log_arguments`: none for "keys"
 * (the default; the names are stored apart), masked for "redacted", as sent for "full". Long
 * strings and deep nesting are cut, and a value still over MAX_LOGGED_ARGUMENT_BYTES is
 * replaced by a marker holding a prefix of its JSON.
 */
export function argumentsToLog(args: Record<string, JsonValue>, mode: LogArgumentsMode = "keys"): JsonValue {
  if (mode === "keys") return null;
  return capSize(walk(args, 0, mode === "redacted" ? MASK_SECRETS : KEEP_ALL));
}

function walk(value: JsonValue, depth: number, transform: Transform): JsonValue {
  if (typeof value === "string") return transform.string(value);
  if (value === null || typeof value !== "object") return value;
  if (depth >= MAX_DEPTH) return TRUNCATED;
  if (Array.isArray(value)) return value.map((item) => walk(item, depth + 1, transform));
  const result: Record<string, JsonValue> = {};
  for (const [key, item] of Object.entries(value)) {
    const isMasked = item !== null && transform.isSecretName(key);
    result[key] = isMasked ? REDACTED : walk(item, depth + 1, transform);
  }
  return result;
}

function redactString(text: string): string {
  // Cut before matching so the patterns' work stays bounded, with a margin so a secret that
  // straddles the final cut is still recognised whole.
  let result = text.slice(0, MAX_STRING_CHARS * 2);
  for (const [pattern, replacement] of SECRET_PATTERNS) result = result.replace(pattern, replacement);
  result = result.replace(BASE64_RUN, (run) => (looksRandom(run) ? REDACTED : run));
  return truncate(result, text.length);
}

function looksRandom(run: string): boolean {
  return /[A-Z]/.test(run) && /[a-z]/.test(run) && /[0-9]/.test(run);
}

function squash(name: string): string {
  return name.toLowerCase().replace(/[-_\s]/g, "");
}

function truncate(text: string, originalLength = text.length): string {
  if (text.length <= MAX_STRING_CHARS && originalLength <= MAX_STRING_CHARS * 2) return text;
  return `${text.slice(0, MAX_STRING_CHARS)}…${TRUNCATED}`;
}

function capSize(value: JsonValue): JsonValue {
  const json = JSON.stringify(value);
  const bytes = new TextEncoder().encode(json).length;
  if (bytes <= MAX_LOGGED_ARGUMENT_BYTES) return value;
  // A quarter of the budget in characters stays under it even if every one takes four bytes.
  return { [TRUNCATED]: `${bytes} bytes`, prefix: json.slice(0, MAX_LOGGED_ARGUMENT_BYTES / 4) };
}
