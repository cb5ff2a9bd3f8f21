/** Formats a path as an RFC 6901 JSON Pointer: `["resources", "file:///a"]` → `/resources/file:~1~1~1a`. */
export function toJsonPointer(segments: readonly (string | number)[]): string {
  return segments
    .map((segment) => `/${String(segment).replaceAll("~", "~0").replaceAll("/", "~1")}`)
    .join("");
}
