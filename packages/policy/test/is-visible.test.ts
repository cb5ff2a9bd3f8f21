import { describe, expect, it } from "vitest";
import type { CallKind } from "../src/call-facts";
import { isVisible } from "../src/is-visible";
import { policyOf } from "./policy-fixtures";

const POLICY = policyOf({
  version: "1",
  default: "deny",
  hide: ["admin_*"],
  categories: { destructive: { action: "deny" }, financial: { action: "require_approval" } },
  tools: {
    copy_model_version: { deny_if: [{ conditions: [{ path: "args.dst", op: "regex", value: "^prod-" }] }] },
    admin_allowed: {},
    "delete_*": { action: "deny" },
    delete_draft: {},
    "drop_*": {},
  },
  resources: { "file:///public/*": {}, "file:///public/secret*": { action: "deny" } },
  prompts: { summarise: { action: "require_approval" } },
});

describe("isVisible", () => {
  it.each<[CallKind, string, string | undefined, boolean]>([
    ["tool", "copy_model_version", undefined, true],
    ["tool", "admin_allowed", undefined, false],
    ["tool", "delete_model", undefined, false],
    ["tool", "delete_draft", undefined, true],
    ["tool", "drop_table", "destructive", true],
    ["tool", "rm", "destructive", false],
    ["tool", "pay", "financial", true],
    ["tool", "unlisted", undefined, false],
    ["tool", "constructor", undefined, false],
    ["resource", "file:///public/readme", undefined, true],
    ["resource", "file:///public/secret.txt", undefined, false],
    ["resource", "file:///etc/passwd", undefined, false],
    ["prompt", "summarise", undefined, true],
    ["prompt", "other", undefined, false],
  ])("%s %j (category %s) → %s", (kind, name, category, expected) => {
    expect(isVisible(POLICY, category === undefined ? { kind, name } : { kind, name, category })).toBe(
      expected,
    );
  });

  it("shows unlisted items under default allow, except hidden tools", () => {
    const policy = policyOf({ version: "1", default: "allow", hide: ["secret_*"] });
    expect(isVisible(policy, { kind: "tool", name: "anything" })).toBe(true);
    expect(isVisible(policy, { kind: "tool", name: "secret_thing" })).toBe(false);
    expect(isVisible(policy, { kind: "resource", name: "secret_thing" })).toBe(true);
  });
});
