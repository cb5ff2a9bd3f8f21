// Keys containing these characters would make a dotted path ambiguous, so they are quoted instead.
const PLAIN_KEY = /^[^.[\]"'\s]+$/;

/** Formats a document path as `tools.copy_model_version.limits[0].window`; the root is "". */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") {
      text += `[${segment}]`;
    } else if (typeof segment === "string" && PLAIN_KEY.test(segment)) {
      text += text === "" ? segment : `.${segment}`;
    } else {
      text += `[${JSON.stringify(String(segment))}]`;
    }
  }
  return text;
}
