import fc from "fast-check";
import type { CallFacts, CallKind } from "../src/call-facts";
import { LIMIT_SCOPES } from "../src/limit-schema";
import { type Policy, RISK_CATEGORIES } from "../src/policy-schema";
import { policyOf } from "./policy-fixtures";

// A tiny alphabet makes generated names and globs collide often, which is where precedence matters.
export const nameArb = fc.string({ unit: fc.constantFrom("a", "b", "_"), minLength: 1, maxLength: 4 });
export const globArb = fc.string({
  unit: fc.constantFrom("a", "b", "_", "*", "?"),
  minLength: 1,
  maxLength: 4,
});
const keyArb = fc.oneof(nameArb, globArb);
const scalarArb = fc.oneof(
  fc.string({ maxLength: 3 }),
  fc.integer({ min: -3, max: 3 }),
  fc.boolean(),
  fc.constant(null),
);

const PATHS = [
  "args.a",
  "args.b",
  "args.a.0",
  "args.n",
  "tool",
  "grant",
  "grant.name",
  "session.id",
  "category",
];
const SAFE_REGEXES = ["^a", "b$", "[ab_]+", "^(?:a|b)$", "\\d"];

const conditionArb = fc.record({ path: fc.constantFrom(...PATHS) }).chain(({ path }) =>
  fc.oneof(
    fc.record({ path: fc.constant(path), op: fc.constantFrom("eq", "neq", "contains"), value: scalarArb }),
    fc.record({
      path: fc.constant(path),
      op: fc.constantFrom("in", "not_in"),
      value: fc.array(scalarArb, { maxLength: 3 }),
    }),
    fc.record({
      path: fc.constant(path),
      op: fc.constantFrom("lt", "lte", "gt", "gte"),
      value: fc.integer({ min: -5, max: 5 }),
    }),
    fc.record({
      path: fc.constant(path),
      op: fc.constant("regex"),
      value: fc.constantFrom(...SAFE_REGEXES),
    }),
    fc.record({ path: fc.constant(path), op: fc.constant("exists"), value: fc.boolean() }),
  ),
);
const conditionsArb = fc.array(conditionArb, { minLength: 1, maxLength: 3 });

// Window and max follow from the counter name, so counters shared across entries always agree.
const COUNTERS = { c0: ["minute", 5], c1: [90, 10], c2: ["day", 100], g0: ["hour", 50], g1: [7, 3] } as const;
const limitArb = (names: (keyof typeof COUNTERS)[]) =>
  fc
    .record(
      {
        counter: fc.constantFrom(...names),
        scope: fc.constantFrom(...LIMIT_SCOPES),
        increment_from: fc.constantFrom("args.n", "args.a.0"),
      },
      { requiredKeys: ["counter", "scope"] },
    )
    .map((limit) => ({ ...limit, window: COUNTERS[limit.counter][0], max: COUNTERS[limit.counter][1] }));
const limitsArb = (names: (keyof typeof COUNTERS)[]) =>
  fc.uniqueArray(limitArb(names), { selector: (limit) => `${limit.scope}:${limit.counter}`, maxLength: 3 });

const entryArb = fc
  .record(
    {
      action: fc.constantFrom("allow", "deny", "require_approval"),
      reason: fc.string({ minLength: 1, maxLength: 5 }),
      limits: limitsArb(["c0", "c1", "c2"]),
      rate_limit: fc.record({
        max: fc.integer({ min: 1, max: 9 }),
        window: fc.constantFrom("second", "minute", 45),
      }),
      deny_if: fc.array(
        fc.record(
          { conditions: conditionsArb, on_deny: fc.string({ minLength: 1, maxLength: 5 }) },
          { requiredKeys: ["conditions"] },
        ),
        { maxLength: 2 },
      ),
      approve_if: fc.array(
        fc.record(
          { conditions: conditionsArb, reason: fc.string({ minLength: 1, maxLength: 5 }) },
          { requiredKeys: ["conditions"] },
        ),
        { maxLength: 2 },
      ),
    },
    { requiredKeys: [] },
  )
  .map(({ limits, rate_limit, deny_if, approve_if, ...entry }) => {
    // Drop the fields validation rejects as pointless under the chosen action.
    if (entry.action === "deny") return entry;
    if (entry.action === "require_approval") return { ...entry, limits, rate_limit, deny_if };
    return { ...entry, limits, rate_limit, deny_if, approve_if };
  });

const entriesArb = fc.dictionary(keyArb, entryArb, { maxKeys: 5 });

/** Random valid policies, built as documents and validated, covering every field. */
export const policyArb: fc.Arbitrary<Policy> = fc
  .record(
    {
      version: fc.constant("1"),
      default: fc.constantFrom("deny", "allow"),
      mode: fc.constantFrom("enforce", "shadow"),
      hide: fc.array(globArb, { maxLength: 2 }),
      all_tools: fc.record({ limits: limitsArb(["g0", "g1"]) }),
      categories: fc.dictionary(fc.constantFrom(...RISK_CATEGORIES), entryArb, { maxKeys: 3 }),
      tools: entriesArb,
      resources: entriesArb,
      prompts: entriesArb,
    },
    { requiredKeys: ["version", "default"] },
  )
  .map(policyOf);

const argValueArb = fc.oneof(scalarArb, fc.array(scalarArb, { maxLength: 2 }), fc.double(), fc.anything());
// Mostly usable increments ("args.n", "args.a.0"), sometimes anything at all.
const argNArb = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: -2, max: 50 }) }, argValueArb);
const argAArb = fc.oneof(
  { weight: 2, arbitrary: fc.array(fc.nat(9), { minLength: 1, maxLength: 2 }) },
  argValueArb,
);

/** Random facts: any kind, names that collide with generated keys, and arguments of any shape. */
export const factsArb = (kinds: CallKind[] = ["tool", "resource", "prompt"]): fc.Arbitrary<CallFacts> =>
  fc.record({
    kind: fc.constantFrom(...kinds),
    name: fc.oneof({ weight: 5, arbitrary: nameArb }, globArb, fc.string()),
    args: fc.oneof(
      { weight: 4, arbitrary: fc.record({ a: argAArb, b: argValueArb, n: argNArb }, { requiredKeys: [] }) },
      fc.dictionary(fc.string(), fc.anything()),
    ),
    category: fc.option(fc.constantFrom(...RISK_CATEGORIES, "other", "constructor"), { nil: undefined }),
    grant: fc.record({ id: fc.string(), name: fc.option(fc.string(), { nil: undefined }) }),
    session: fc.record({ id: fc.option(fc.string(), { nil: null }) }),
  });

/** Any valid instant, well inside the range a Date can hold. */
export const nowArb = fc.date({
  min: new Date(0),
  max: new Date("2200-01-01T00:00:00Z"),
  noInvalidDate: true,
});
