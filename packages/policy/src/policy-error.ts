import type { z } from "zod";
import { formatPath } from "./format-path";

/** One problem in a policy document; `path` is "" for the document as a whole. */
export interface PolicyError {
  path: string;
  message: string;
}

/** Converts zod issues into policy errors with readable paths. */
export function toPolicyErrors(issues: readonly z.core.$ZodIssue[]): PolicyError[] {
  return issues.map((issue) => ({
    path: formatPath(issue.path),
    // A bad record key reports a generic message; the useful one is on the nested key issue.
    message: issue.code === "invalid_key" ? (issue.issues[0]?.message ?? issue.message) : issue.message,
  }));
}
