import { describe, expect, it } from "vitest";
import type { CallFacts } from "../src/call-facts";
import { evaluateCall, type ResolvedLimit } from "../src/evaluate-call";
import { factsFor, policyOf, SEED_POLICY } from "./policy-fixtures";

const NOW = new Date("2025-03-01T12:34:56.789Z");
const MINUTE = {
  windowStartMs: Date.parse("2025-03-01T12:34:00Z"),
  windowEndMs: Date.parse("2025-03-01T12:35:00Z"),
};
const DAY = {
  windowStartMs: Date.parse("2025-03-01T00:00:00Z"),
  windowEndMs: Date.parse("2025-03-02T00:00:00Z"),
};

function limitsOf(input: unknown, facts: CallFacts): ResolvedLimit[] | string {
  const decision = evaluateCall(policyOf(input), facts, NOW);
  return decision.effect === "deny" ? decision.reason : decision.limits;
}

const policy = (fields: Record<string, unknown>) => ({ version: "1", default: "deny", ...fields });
const spend = { counter: "spend", window: "day", max: 1000, increment_from: "args.order.amount" };
const resolvedSpend = (increment: number): ResolvedLimit => ({
  counter: "spend",
  scope: "grant",
  max: 1000,
  windowSeconds: 86400,
  increment,
  ...DAY,
  pointer: "/tools/t/limits/0",
});

describe("evaluateCall resolves limits", () => {
  it("resolves the seed policy's limit in the minute containing now", () => {
    expect(limitsOf(SEED_POLICY, factsFor())).toEqual([
      {
        counter: "copy_model_version_rate",
        scope: "grant",
        max: 30,
        windowSeconds: 60,
        increment: 1,
        ...MINUTE,
        pointer: "/tools/copy_model_version/limits/0",
      },
    ]);
  });

  it("lists the entry's limits, then its rate_limit, then all_tools", () => {
    const input = policy({
      all_tools: { limits: [{ counter: "all", window: 90, max: 100, scope: "org" }] },
      tools: {
        "copy_*": {
          limits: [{ counter: "writes", window: "minute", max: 30, scope: "session" }],
          rate_limit: { max: 10, window: 60 },
        },
      },
    });
    const limits = limitsOf(input, factsFor());
    expect(limits).toEqual([
      expect.objectContaining({ counter: "writes", scope: "session", pointer: "/tools/copy_*/limits/0" }),
      expect.objectContaining({
        counter: "rate_limit:/tools/copy_*/rate_limit",
        scope: "grant",
        max: 10,
        windowSeconds: 60,
        increment: 1,
        pointer: "/tools/copy_*/rate_limit",
      }),
      expect.objectContaining({
        counter: "all",
        scope: "org",
        windowSeconds: 90,
        // 90-second windows are aligned to the epoch: 1740832470 s is a multiple of 90.
        windowStartMs: 1740832470000,
        windowEndMs: 1740832560000,
        pointer: "/all_tools/limits/0",
      }),
    ]);
  });

  it("gives a default-allowed tool call the all_tools limits", () => {
    const input = policy({
      default: "allow",
      all_tools: { limits: [{ counter: "all", window: "minute", max: 5 }] },
    });
    const decision = evaluateCall(policyOf(input), factsFor({ name: "anything" }), NOW);
    expect(decision).toMatchObject({
      effect: "allow",
      rule: "(default allow)",
      limits: [{ counter: "all" }],
    });
  });

  it("does not count resources or prompts against all_tools", () => {
    const input = policy({
      default: "allow",
      all_tools: { limits: [{ counter: "all", window: "minute", max: 5 }] },
      resources: { "file:///*": { rate_limit: { max: 1, window: "second" } } },
    });
    expect(
      limitsOf(input, factsFor({ kind: "resource", name: "file:///a", args: { uri: "file:///a" } })),
    ).toEqual([expect.objectContaining({ pointer: "/resources/file:~1~1~1*/rate_limit", windowSeconds: 1 })]);
    expect(limitsOf(input, factsFor({ kind: "prompt", name: "p" }))).toEqual([]);
  });

  it("gives a held call its limits so the proxy can count it once approved", () => {
    const input = policy({
      tools: { t: { action: "require_approval", rate_limit: { max: 3, window: "hour" } } },
    });
    const decision = evaluateCall(policyOf(input), factsFor({ name: "t" }), NOW);
    expect(decision).toMatchObject({ effect: "require_approval", limits: [{ max: 3, windowSeconds: 3600 }] });
  });

  it.each<[string, Record<string, unknown>, ResolvedLimit[] | string]>([
    ["a whole amount", { order: { amount: 250 } }, [resolvedSpend(250)]],
    ["a fractional amount", { order: { amount: 2.5 } }, [resolvedSpend(2.5)]],
    ["zero", { order: { amount: 0 } }, [resolvedSpend(0)]],
    ["negative zero, as zero", { order: { amount: -0 } }, [resolvedSpend(0)]],
    [
      "a missing amount",
      { order: {} },
      'Tool "t" cannot be counted against limit "spend": args.order.amount is missing (it must be a non-negative number).',
    ],
    [
      "a negative amount",
      { order: { amount: -5 } },
      'Tool "t" cannot be counted against limit "spend": args.order.amount is negative (it must be a non-negative number).',
    ],
    [
      "a numeric string",
      { order: { amount: "5" } },
      'Tool "t" cannot be counted against limit "spend": args.order.amount is not a finite number (it must be a non-negative number).',
    ],
    [
      "infinity",
      { order: { amount: Number.POSITIVE_INFINITY } },
      'Tool "t" cannot be counted against limit "spend": args.order.amount is not a finite number (it must be a non-negative number).',
    ],
    [
      "NaN",
      { order: { amount: Number.NaN } },
      'Tool "t" cannot be counted against limit "spend": args.order.amount is not a finite number (it must be a non-negative number).',
    ],
    [
      "null",
      { order: { amount: null } },
      'Tool "t" cannot be counted against limit "spend": args.order.amount is not a finite number (it must be a non-negative number).',
    ],
  ])("counts increment_from with %s", (_name, args, expected) => {
    expect(limitsOf(policy({ tools: { t: { limits: [spend] } } }), factsFor({ name: "t", args }))).toEqual(
      expected,
    );
  });
});
