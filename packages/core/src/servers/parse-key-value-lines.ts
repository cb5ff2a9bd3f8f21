import { GatehouseError } from "../errors/gatehouse-error";

/**
 * Parses text with one `key<separator>value` pair per line (blank lines ignored)
 * as typed into the dashboard, reporting the first bad line by number.
 */
export function parseKeyValueLines(options: {
  text: string;
  separator: ":" | "=";
  field: string;
  example: string;
}): Record<string, string> {
  const record: Record<string, string> = {};
  const lines = options.text.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    if (line.trim() === "") continue;
    const at = line.indexOf(options.separator);
    const key = at > 0 ? line.slice(0, at).trim() : "";
    if (key === "") {
      const message = `Line ${index + 1} should look like "${options.example}".`;
      throw new GatehouseError("invalid_input", message, {
        fieldErrors: [{ field: options.field, message }],
      });
    }
    record[key] = line.slice(at + 1).trim();
  }
  return record;
}

/** Splits text into one argument per non-blank line. */
export function parseLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
}
