import type { CallFacts } from "./call-facts";
import { quoteList } from "./schema-messages";
import { suggestKey } from "./suggest-key";

/** Facts about a call that conditions may read besides its arguments. */
export const FACT_PATHS = [
  "tool",
  "grant",
  "grant.id",
  "grant.name",
  "session",
  "session.id",
  "category",
] as const;

type FactPath = (typeof FACT_PATHS)[number];

const MAX_PATH_CHARS = 200;
const ARGS_PREFIX = "args.";
const ARRAY_INDEX = /^(0|[1-9]\d*)$/;
const PATH_EXPECTATION = `"args.<argument>" (e.g. "args.dst_model_name" or "args.items.0.id") or one of ${quoteList(FACT_PATHS, "or")}`;

/** A value read from a call: either found (possibly null) or absent. */
export type PathValue = { isFound: true; value: unknown } | { isFound: false };

const ABSENT: PathValue = { isFound: false };

/** Explains why `path` cannot address a call, or returns undefined when it can. */
export function findPathProblem(field: string, path: string): string | undefined {
  if (path.length > MAX_PATH_CHARS) return `${field} must be at most ${MAX_PATH_CHARS} characters`;
  if ((FACT_PATHS as readonly string[]).includes(path)) return undefined;
  if (path.startsWith(ARGS_PREFIX)) {
    return path.slice(ARGS_PREFIX.length).split(".").includes("")
      ? `${field} ${JSON.stringify(path)} has an empty segment; write it as "args.a.b" with no doubled or trailing dots`
      : undefined;
  }
  const fact = suggestKey(path, FACT_PATHS);
  const suggestion = fact ?? (path === "args" || path === "" ? undefined : `${ARGS_PREFIX}${path}`);
  const hint = suggestion === undefined ? "" : ` — did you mean ${JSON.stringify(suggestion)}?`;
  return `${field} must be ${PATH_EXPECTATION}${hint}`;
}

/** Explains why `path` is not an argument path (as `increment_from` needs), or undefined. */
export function findArgumentPathProblem(field: string, path: string): string | undefined {
  if (!path.startsWith(ARGS_PREFIX)) {
    return `${field} must name a numeric argument such as "args.amount" (it must start with "args.")`;
  }
  return findPathProblem(field, path);
}

/**
 * Reads a validated path from a call. Object keys are own properties only, so a path can never
 * reach Object.prototype; array elements are addressed by canonical decimal indices.
 */
export function readCallPath(path: string, facts: CallFacts): PathValue {
  if (path.startsWith(ARGS_PREFIX))
    return readArgument(facts.args, path.slice(ARGS_PREFIX.length).split("."));
  switch (path as FactPath) {
    case "tool":
      return found(facts.name);
    case "grant":
    case "grant.id":
      return found(facts.grant.id);
    case "grant.name":
      return found(facts.grant.name);
    case "session":
    case "session.id":
      return found(facts.session.id ?? undefined);
    case "category":
      return found(facts.category);
    default:
      return ABSENT;
  }
}

function readArgument(args: unknown, segments: readonly string[]): PathValue {
  let current: unknown = args;
  for (const segment of segments) {
    if (Array.isArray(current)) {
      if (!ARRAY_INDEX.test(segment)) return ABSENT;
      current = current[Number(segment)];
    } else if (typeof current === "object" && current !== null && Object.hasOwn(current, segment)) {
      current = (current as Record<string, unknown>)[segment];
    } else {
      return ABSENT;
    }
  }
  return found(current);
}

// An absent fact (no session, an uncategorised tool) and an undefined value read the same way.
function found(value: unknown): PathValue {
  return value === undefined ? ABSENT : { isFound: true, value };
}
