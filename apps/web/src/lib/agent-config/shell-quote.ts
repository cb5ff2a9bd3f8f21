/**
 * Quotes one argument for a POSIX shell. Inside single quotes nothing is special, so a quote in
 * the value is closed, escaped and reopened; plain values are left bare so commands stay readable.
 */
export function quoteShellArg(value: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(value)) return value;
  return `'${value.replaceAll("'", `'\\''`)}'`;
}
