import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY, formatPolicy } from "../src/default-policy";
import { parsePolicy, parsePolicyText } from "../src/parse-policy";
import { FULL_POLICY } from "./policy-examples";

describe("DEFAULT_POLICY", () => {
  it("denies everything and is itself a valid policy", () => {
    expect(DEFAULT_POLICY).toEqual({ version: "1", default: "deny", tools: {} });
    expect(parsePolicy(DEFAULT_POLICY)).toEqual({ ok: true, policy: DEFAULT_POLICY });
  });

  it("cannot be mutated by a consumer", () => {
    expect(Object.isFrozen(DEFAULT_POLICY)).toBe(true);
    expect(Object.isFrozen(DEFAULT_POLICY.tools)).toBe(true);
  });
});

describe("formatPolicy", () => {
  it("prints two-space indented JSON", () => {
    expect(formatPolicy(DEFAULT_POLICY)).toBe('{\n  "version": "1",\n  "default": "deny",\n  "tools": {}\n}');
  });

  it("round-trips through parsePolicyText", () => {
    const parsed = parsePolicy({
      version: "1",
      default: "allow",
      tools: { a: { limits: [{ counter: "c", window: 90, max: 5 }] }, b: { action: "deny", reason: "No." } },
    });
    if (!parsed.ok) throw new Error("fixture should be valid");
    expect(parsePolicyText(formatPolicy(parsed.policy))).toEqual(parsed);
  });

  it("round-trips a policy that uses every field", () => {
    const parsed = parsePolicy(FULL_POLICY);
    if (!parsed.ok) throw new Error("fixture should be valid");
    expect(parsePolicyText(formatPolicy(parsed.policy))).toEqual(parsed);
  });
});
