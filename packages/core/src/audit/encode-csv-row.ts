// Spreadsheets run a cell starting with one of these as a formula (CSV injection); a tab or
// carriage return at the start can smuggle one past a naive check.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV record (RFC 4180, CRLF-terminated). Null and undefined are empty cells, dates ISO 8601,
 * arrays and objects JSON. A text cell that a spreadsheet would run as a formula is prefixed with
 * a single quote; numbers are not, so a negative number stays a number.
 */
export function encodeCsvRow(values: readonly unknown[]): string {
  return `${values.map(encodeCsvCell).join(",")}\r\n`;
}

function encodeCsvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const text =
    value instanceof Date ? value.toISOString() : typeof value === "string" ? value : JSON.stringify(value);
  const guarded = FORMULA_START.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}
