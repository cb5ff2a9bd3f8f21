/** Turns a SQL LIKE pattern (`%` any run, `_` one character) into an anchored RegExp. */
export function likeToRegExp(pattern: string, isCaseInsensitive: boolean): RegExp {
  const body = [...pattern]
    .map((char) => {
      if (char === "%") return ".*";
      if (char === "_") return ".";
      return char.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("");
  return new RegExp(`^${body}$`, isCaseInsensitive ? "is" : "s");
}
