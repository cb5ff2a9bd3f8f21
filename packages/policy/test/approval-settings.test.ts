import { describe, expect, it } from "vitest";
import { parseDurationSeconds } from "../src/approval-schema";
import { evaluateCall } from "../src/evaluate-call";
import { parsePolicy } from "../src/parse-policy";
import { factsFor } from "./policy-fixtures";

const NOW = new Date("2025-03-01T12:00:00Z");

function parsed(document: Record<string, unknown>) {
  const result = parsePolicy({ version: "1", default: "deny", ...document });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.policy;
}

function errorsOf(document: Record<string, unknown>) {
  const result = parsePolicy({ version: "1", default: "deny", ...document });
  return result.ok ? [] : result.errors.map((error) => `${error.path} ${error.message}`);
}

describe("approval settings", () => {
  it.each<[string | number, number | undefined]>([
    ["90s", 90],
    ["10m", 600],
    ["2h", 7200],
    ["1d", 86_400],
    [45, 45],
    ["10", undefined],
    ["1.5h", undefined],
    ["ten minutes", undefined],
    [1.5, undefined],
  ])("parses the duration %j as %j seconds", (text, seconds) => {
    expect(parseDurationSeconds(text)).toBe(seconds);
  });

  it("holds with the entry's settings over the policy's, field by field", () => {
    const policy = parsed({
      approval: { timeout: "10m", allow_identical_for: "15m" },
      tools: {
        copy: { action: "require_approval", approval: { timeout: "2m" } },
        tag: { action: "require_approval" },
      },
    });
    const copy = evaluateCall(policy, factsFor({ name: "copy" }), NOW);
    expect(copy).toMatchObject({
      effect: "require_approval",
      approval: { timeout: 120, allow_identical_for: 900 },
    });
    const tag = evaluateCall(policy, factsFor({ name: "tag" }), NOW);
    expect(tag).toMatchObject({ approval: { timeout: 600, allow_identical_for: 900 } });
  });

  it("leaves the settings empty when the policy has none, so the operator's defaults apply", () => {
    const policy = parsed({ tools: { copy: { action: "require_approval" } } });
    expect(evaluateCall(policy, factsFor({ name: "copy" }), NOW)).toMatchObject({ approval: {} });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ["a timeout without a unit", { approval: { timeout: "10" } }, "approval.timeout"],
    ["a timeout over seven days", { approval: { timeout: "8d" } }, "approval.timeout"],
    ["a zero timeout", { approval: { timeout: 0 } }, "approval.timeout"],
    [
      "an identical-call window over a day",
      { approval: { allow_identical_for: "2d" } },
      "approval.allow_identical_for",
    ],
    ["an unknown field", { approval: { timout: "1m" } }, "approval"],
    [
      "approval on a denying entry",
      { tools: { t: { action: "deny", approval: { timeout: "1m" } } } },
      "tools.t.approval",
    ],
    [
      "approval on an entry that never holds",
      { tools: { t: { approval: { timeout: "1m" } } } },
      "tools.t.approval",
    ],
  ])("rejects %s with its path", (_name, document, path) => {
    const errors = errorsOf(document);
    expect(errors.some((error) => error.startsWith(path))).toBe(true);
  });

  it("accepts approval settings on an entry with approve_if", () => {
    const approve_if = [{ conditions: [{ path: "args.n", op: "gt", value: 1 }] }];
    expect(errorsOf({ tools: { t: { approve_if, approval: { timeout: "1m" } } } })).toEqual([]);
  });
});
