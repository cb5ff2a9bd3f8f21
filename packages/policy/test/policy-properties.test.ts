import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Decision, evaluateCall } from "../src/evaluate-call";
import { isVisible } from "../src/is-visible";
import { toJsonPointer } from "../src/json-pointer";
import { type LimitWindow, MAX_WINDOW_SECONDS, WINDOW_NAMES, windowBounds } from "../src/limit-window";
import type { Policy } from "../src/policy-schema";
import { factsArb, globArb, nameArb, nowArb, policyArb } from "./policy-arbitraries";

const limitsOf = (decision: Decision) => (decision.effect === "deny" ? [] : decision.limits);

describe("policy properties", () => {
  it("a hidden tool is never allowed or visible, whatever else the policy says", () => {
    const hidingGlob = (name: string) =>
      fc.constantFrom(name, "*", `${name.slice(0, 1)}*`, `*${name.slice(-1)}`);
    const arb = fc.tuple(policyArb, factsArb(["tool"]), nowArb).chain(([policy, facts, now]) =>
      hidingGlob(facts.name).map((glob) => ({
        policy: { ...policy, hide: [...(policy.hide ?? []), glob] },
        facts,
        now,
      })),
    );
    fc.assert(
      fc.property(arb, ({ policy, facts, now }) => {
        const decision = evaluateCall(policy, facts, now);
        expect(decision).toMatchObject({
          effect: "deny",
          reason: `Tool ${JSON.stringify(facts.name)} is hidden by this grant's policy.`,
        });
        expect(decision.rule).toMatch(/^\/hide\/\d+$/);
        expect(isVisible(policy, facts)).toBe(false);
      }),
    );
  });

  it("default deny with no entries denies every tool, resource and prompt", () => {
    const emptyDeny = policyArb.map(
      ({ tools: _t, resources: _r, prompts: _p, categories: _c, ...rest }): Policy => ({
        ...rest,
        default: "deny",
        tools: {},
      }),
    );
    fc.assert(
      fc.property(emptyDeny, factsArb(), nowArb, (policy, facts, now) => {
        expect(evaluateCall(policy, facts, now).effect).toBe("deny");
        expect(isVisible(policy, facts)).toBe(false);
      }),
    );
  });

  it("shadow mode decides exactly as enforce mode except for mode", () => {
    fc.assert(
      fc.property(policyArb, factsArb(), nowArb, (policy, facts, now) => {
        const enforced = evaluateCall({ ...policy, mode: "enforce" }, facts, now);
        const shadowed = evaluateCall({ ...policy, mode: "shadow" }, facts, now);
        expect(enforced.mode).toBe("enforce");
        expect(shadowed).toEqual({ ...enforced, mode: "shadow" });
      }),
    );
  });

  it("evaluation is total and deterministic for any valid policy and any facts", () => {
    fc.assert(
      fc.property(policyArb, factsArb(), nowArb, (policy, facts, now) => {
        const first = evaluateCall(policy, facts, now);
        expect(evaluateCall(policy, facts, now)).toEqual(first);
        expect(["allow", "deny", "require_approval"]).toContain(first.effect);
        expect(first.rule).not.toBe("");
        if (first.effect !== "allow") expect(first.reason).not.toBe("");
        expect(isVisible(policy, facts)).toBe(isVisible(policy, facts));
      }),
    );
  });

  it("an exact entry beats every glob and category", () => {
    const arb = fc.tuple(policyArb, factsArb(), nameArb, globArb, nowArb);
    fc.assert(
      fc.property(arb, ([policy, baseFacts, name, glob, now]) => {
        const facts = { ...baseFacts, name };
        const section = ({ tool: "tools", resource: "resources", prompt: "prompts" } as const)[facts.kind];
        const withExact: Policy = {
          ...policy,
          [section]: {
            [glob]: { action: "allow" },
            ...policy[section],
            [name]: { action: "deny", reason: "exact" },
          },
        };
        const decision = evaluateCall(withExact, facts, now);
        if (decision.rule.startsWith("/hide/")) return;
        expect(decision).toMatchObject({
          effect: "deny",
          rule: toJsonPointer([section, name]),
          reason: "exact",
        });
      }),
    );
  });

  it("every counted increment is a finite number ≥ 0", () => {
    fc.assert(
      fc.property(policyArb, factsArb(), nowArb, (policy, facts, now) => {
        for (const limit of limitsOf(evaluateCall(policy, facts, now))) {
          expect(Number.isFinite(limit.increment) && limit.increment >= 0).toBe(true);
        }
      }),
    );
  });

  it("every resolved window contains now and is aligned to its length", () => {
    fc.assert(
      fc.property(policyArb, factsArb(), nowArb, (policy, facts, now) => {
        for (const limit of limitsOf(evaluateCall(policy, facts, now))) {
          const lengthMs = limit.windowSeconds * 1000;
          expect(limit.windowStartMs).toBeLessThanOrEqual(now.getTime());
          expect(limit.windowEndMs).toBeGreaterThan(now.getTime());
          expect(limit.windowEndMs - limit.windowStartMs).toBe(lengthMs);
          expect(limit.windowStartMs % lengthMs).toBe(0);
        }
      }),
    );
  });

  it("windowBounds contains now and is aligned for every window", () => {
    const windowArb: fc.Arbitrary<LimitWindow> = fc.oneof(
      fc.constantFrom(...WINDOW_NAMES),
      fc.integer({ min: 1, max: MAX_WINDOW_SECONDS }),
    );
    fc.assert(
      fc.property(windowArb, nowArb, (window, now) => {
        const { startMs, endMs } = windowBounds(window, now);
        expect(startMs <= now.getTime() && now.getTime() < endMs).toBe(true);
        expect(startMs % (endMs - startMs)).toBe(0);
      }),
    );
  });
});
