/** Wraps tool rules in an otherwise valid deny-by-default policy. */
export function withTools(tools: unknown) {
  return { version: "1", default: "deny", tools };
}

/** A policy whose single tool "t" has exactly this limit. */
export function withLimit(limit: unknown) {
  return withTools({ t: { limits: [limit] } });
}
