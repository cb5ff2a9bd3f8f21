import type { z } from "zod";

// Names quoted back to the agent are the agent's own keys, so they are cut short: an answer
// (and the audit event that keeps its message) should not grow with what it refuses.
const MAX_QUOTED_CHARS = 60;
const MAX_QUOTED_KEYS = 5;

/** Says in a sentence fragment what a schema issue found wrong with a message, naming where. */
export function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return "the message is not valid JSON-RPC 2.0";
  if (issue.code === "unrecognized_keys") {
    const keys = issue.keys.slice(0, MAX_QUOTED_KEYS).map(quote).join(", ");
    return `unexpected member ${keys}: a request has only jsonrpc, id, method and params (a notification no id; an answer a result or an error instead of method and params)`;
  }
  const path = issue.path.map((key) => String(key).slice(0, MAX_QUOTED_CHARS)).join(".");
  const [field] = issue.path;
  const isNamed = typeof field === "string" && issue.message.startsWith(field);
  return isNamed || path === "" ? issue.message : `${path}: ${issue.message}`;
}

/** A value the agent sent, quoted and cut short for an error message. */
export function quote(text: string): string {
  return JSON.stringify(text.length > MAX_QUOTED_CHARS ? `${text.slice(0, MAX_QUOTED_CHARS)}…` : text);
}
