import { describe, expect, it } from "vitest";
import { parsePolicy } from "../src/parse-policy";
import { withTools } from "./policy-fixtures";

const condition = (value: unknown) => withTools({ t: { deny_if: [{ conditions: [value] }] } });
const C = "tools.t.deny_if[0].conditions[0]";
const PATH_MESSAGE =
  'path must be "args.<argument>" (e.g. "args.dst_model_name" or "args.items.0.id") or one of "tool", "grant", "grant.id", "grant.name", "session", "session.id" or "category"';
const OPS = '"eq", "neq", "in", "not_in", "lt", "lte", "gt", "gte", "regex", "contains" or "exists"';

describe("parsePolicy reports precise errors in conditions", () => {
  it.each<[string, unknown, { path: string; message: string }[]]>([
    [
      "a condition key typo",
      condition({ path: "args.a", op: "eq", vaule: 1 }),
      [
        { path: `${C}.value`, message: "value is required" },
        { path: C, message: 'unknown key "vaule" (allowed keys are "path", "op" and "value")' },
      ],
    ],
    [
      "an op typo",
      condition({ path: "args.a", op: "regexp", value: "a" }),
      [{ path: `${C}.op`, message: 'unknown op "regexp" — did you mean "regex"?' }],
    ],
    [
      "an unknown op",
      condition({ path: "args.a", op: "matches", value: "a" }),
      [{ path: `${C}.op`, message: `op must be ${OPS}` }],
    ],
    [
      "a missing op",
      condition({ path: "args.a", value: "a" }),
      [{ path: `${C}.op`, message: "op is required" }],
    ],
    [
      "a condition that is not an object",
      condition("args.a == 1"),
      [
        {
          path: C,
          message: 'condition must be an object such as {"path": "args.name", "op": "eq", "value": "x"}',
        },
      ],
    ],
    [
      "a missing value",
      condition({ path: "args.a", op: "eq" }),
      [{ path: `${C}.value`, message: "value is required" }],
    ],
    [
      "in with a string",
      condition({ path: "args.a", op: "in", value: "a" }),
      [{ path: `${C}.value`, message: 'value for "in" must be an array of values' }],
    ],
    [
      "not_in with a number",
      condition({ path: "args.a", op: "not_in", value: 1 }),
      [{ path: `${C}.value`, message: 'value for "not_in" must be an array of values' }],
    ],
    [
      "lt with a numeric string",
      condition({ path: "args.a", op: "lt", value: "3" }),
      [{ path: `${C}.value`, message: 'value for "lt" must be a number' }],
    ],
    [
      "gte with an ISO date",
      condition({ path: "args.a", op: "gte", value: "2025-01-01" }),
      [{ path: `${C}.value`, message: 'value for "gte" must be a number' }],
    ],
    [
      "exists with a string",
      condition({ path: "args.a", op: "exists", value: "yes" }),
      [{ path: `${C}.value`, message: 'value for "exists" must be true or false' }],
    ],
    [
      "regex with a number",
      condition({ path: "args.a", op: "regex", value: 3 }),
      [{ path: `${C}.value`, message: 'value for "regex" must be a string holding a regular expression' }],
    ],
    [
      "an invalid regex",
      condition({ path: "args.a", op: "regex", value: "(prod" }),
      [
        {
          path: `${C}.value`,
          message:
            'regex is invalid: missing closing ) at "(prod". Policy regexes use RE2 syntax, described at https://github.com/google/re2/wiki/Syntax.',
        },
      ],
    ],
    [
      "a lookahead",
      condition({ path: "args.a", op: "regex", value: "^(?!test-)" }),
      [
        {
          path: `${C}.value`,
          message:
            'regex uses a lookahead ("(?!"), which policy regexes cannot use: they run on RE2, which matches in linear time so that no pattern can stall the proxy, and so has no lookaround or backreferences. Match the text itself (e.g. "^prod-" rather than "^(?=prod-)"), or split the test into several conditions, which must all match.',
        },
      ],
    ],
    [
      "a backreference",
      condition({ path: "args.a", op: "regex", value: "(a)\\1" }),
      [
        {
          path: `${C}.value`,
          message: String.raw`regex uses a backreference ("\\1"), which policy regexes cannot use: they run on RE2, which matches in linear time so that no pattern can stall the proxy, and so has no lookaround or backreferences. Spell out the text to repeat (e.g. "(ab)ab" rather than "(ab)\\1").`,
        },
      ],
    ],
    [
      "a 501-character regex",
      condition({ path: "args.a", op: "regex", value: "a".repeat(501) }),
      [{ path: `${C}.value`, message: "regex must be at most 500 characters" }],
    ],
    [
      "a bare argument name",
      condition({ path: "dst_model_name", op: "exists", value: true }),
      [{ path: `${C}.path`, message: `${PATH_MESSAGE} — did you mean "args.dst_model_name"?` }],
    ],
    [
      "a fact typo",
      condition({ path: "categroy", op: "exists", value: true }),
      [{ path: `${C}.path`, message: `${PATH_MESSAGE} — did you mean "category"?` }],
    ],
    [
      "args alone",
      condition({ path: "args", op: "exists", value: true }),
      [{ path: `${C}.path`, message: PATH_MESSAGE }],
    ],
    [
      "an empty path segment",
      condition({ path: "args..x", op: "exists", value: true }),
      [
        {
          path: `${C}.path`,
          message:
            'path "args..x" has an empty segment; write it as "args.a.b" with no doubled or trailing dots',
        },
      ],
    ],
    [
      "a missing path",
      condition({ op: "exists", value: true }),
      [{ path: `${C}.path`, message: "path is required" }],
    ],
  ])("rejects %s", (_name, input, errors) => {
    expect(parsePolicy(input)).toEqual({ ok: false, errors });
  });
});
