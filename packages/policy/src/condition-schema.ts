import { z } from "zod";
import { FACT_PATHS, findPathProblem } from "./call-path";
import { CONDITION_OPS, type ConditionOp } from "./condition-ops";
import { RE2_SYNTAX_URL } from "./describe-regex-error";
import { findRegexProblem } from "./safe-regex";
import { fieldError, namedStrictObject, quoteList } from "./schema-messages";
import { suggestKey } from "./suggest-key";

const CONDITION_EXPECTATION = 'an object such as {"path": "args.name", "op": "eq", "value": "x"}';

/** Where a condition looks: an argument path or a fact about the call. */
const CallPathSchema = z
  .string({ error: fieldError("path", 'a string such as "args.name"') })
  .superRefine((path, ctx) => {
    const problem = findPathProblem("path", path);
    if (problem !== undefined) ctx.addIssue({ code: "custom", message: problem });
  })
  .describe(`"args.<argument>[.<key or index>…]" or one of ${quoteList(FACT_PATHS, "or")}`);

function valueError(op: ConditionOp, expectation: string): z.core.$ZodErrorMap {
  return (issue) =>
    issue.input === undefined ? "value is required" : `value for "${op}" must be ${expectation}`;
}

type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

// z.json() reports a missing value as "Invalid input", so the same union is spelled out here
// with a message that names the field.
const JsonValueSchema: z.ZodType<JsonValue> = z
  .lazy(() =>
    z.union(
      [
        z.string(),
        z.number(),
        z.boolean(),
        z.null(),
        z.array(JsonValueSchema),
        z.record(z.string(), JsonValueSchema),
      ],
      {
        error: fieldError("value", "a JSON value"),
      },
    ),
  )
  .meta({ id: "PolicyJsonValue", description: "Any JSON value, compared type-strictly." });

const RegexSchema = z
  .string({ error: valueError("regex", "a string holding a regular expression") })
  .superRefine((pattern, ctx) => {
    const problem = findRegexProblem(pattern);
    if (problem !== undefined) ctx.addIssue({ code: "custom", message: problem });
  })
  .describe(
    `An RE2 regular expression (${RE2_SYNTAX_URL}), at most 500 characters, matched anywhere ` +
      'in the string unless anchored with "^" or "$". RE2 matches in linear time, so lookaround ' +
      "and backreferences are not available.",
  );

const VALUE_SCHEMAS = {
  eq: JsonValueSchema,
  neq: JsonValueSchema,
  in: z.array(JsonValueSchema, { error: valueError("in", "an array of values") }),
  not_in: z.array(JsonValueSchema, { error: valueError("not_in", "an array of values") }),
  lt: z.number({ error: valueError("lt", "a number") }),
  lte: z.number({ error: valueError("lte", "a number") }),
  gt: z.number({ error: valueError("gt", "a number") }),
  gte: z.number({ error: valueError("gte", "a number") }),
  regex: RegexSchema,
  contains: JsonValueSchema,
  exists: z.boolean({ error: valueError("exists", "true or false") }),
} satisfies Record<ConditionOp, z.ZodType>;

function conditionBranch<Op extends ConditionOp>(op: Op) {
  return namedStrictObject("condition", CONDITION_EXPECTATION, {
    path: CallPathSchema,
    op: z.literal(op),
    value: VALUE_SCHEMAS[op] as (typeof VALUE_SCHEMAS)[Op],
  });
}

function describeConditionError(issue: z.core.$ZodRawIssue): string {
  if (issue.code !== "invalid_union") return `condition must be ${CONDITION_EXPECTATION}`;
  const op = (issue.input as { op?: unknown } | undefined)?.op;
  if (op === undefined) return "op is required";
  const suggestion = typeof op === "string" ? suggestKey(op, CONDITION_OPS) : undefined;
  return suggestion === undefined
    ? `op must be ${quoteList(CONDITION_OPS, "or")}`
    : `unknown op ${JSON.stringify(op)} — did you mean ${JSON.stringify(suggestion)}?`;
}

/** One test on a call: `path` compared with `value` by `op`. A missing path only matches `exists: false`. */
export const ConditionSchema = z
  .discriminatedUnion(
    "op",
    [
      conditionBranch("eq"),
      conditionBranch("neq"),
      conditionBranch("in"),
      conditionBranch("not_in"),
      conditionBranch("lt"),
      conditionBranch("lte"),
      conditionBranch("gt"),
      conditionBranch("gte"),
      conditionBranch("regex"),
      conditionBranch("contains"),
      conditionBranch("exists"),
    ],
    { error: describeConditionError },
  )
  .meta({ id: "PolicyCondition", description: "Compares the value at path with value using op." });

/** Conditions that must all match; an empty list is rejected because it would match every call. */
export const ConditionListSchema = z
  .array(ConditionSchema, { error: fieldError("conditions", "an array of conditions") })
  .min(1, { error: "conditions must list at least one condition; an empty list would match every call" })
  .describe("Conditions that must ALL match for this item to apply.");

export type Condition = z.output<typeof ConditionSchema>;
