import { describe, expect, it } from "vitest";
import { evaluateToolCall, type ToolDecision } from "../src/evaluate-tool-call";
import { isToolVisible } from "../src/is-tool-visible";
import type { Policy } from "../src/policy-schema";

const LIMIT = { counter: "copy_rate", window: "minute", max: 30, scope: "grant" } as const;

const DENY_BY_DEFAULT: Policy = {
  version: "1",
  default: "deny",
  tools: {
    copy_model_version: { action: "allow", limits: [LIMIT] },
    read_file: { action: "allow" },
    delete_model: { action: "deny", reason: "Deleting models needs a human." },
    drop_table: { action: "deny" },
    "files.read": { action: "allow" },
  },
};

const ALLOW_BY_DEFAULT: Policy = {
  version: "1",
  default: "allow",
  tools: { drop_table: { action: "deny" } },
};

describe("evaluateToolCall", () => {
  it.each<[string, Policy, string, ToolDecision]>([
    [
      "a listed tool with limits",
      DENY_BY_DEFAULT,
      "copy_model_version",
      { effect: "allow", rule: "tools.copy_model_version", limits: [LIMIT] },
    ],
    [
      "a listed tool without limits",
      DENY_BY_DEFAULT,
      "read_file",
      { effect: "allow", rule: "tools.read_file", limits: [] },
    ],
    [
      "a denied tool with a reason",
      DENY_BY_DEFAULT,
      "delete_model",
      { effect: "deny", rule: "tools.delete_model", reason: "Deleting models needs a human." },
    ],
    [
      "a denied tool without a reason",
      DENY_BY_DEFAULT,
      "drop_table",
      {
        effect: "deny",
        rule: "tools.drop_table",
        reason: `Tool "drop_table" is denied by this grant's policy.`,
      },
    ],
    [
      "an unlisted tool under default deny",
      DENY_BY_DEFAULT,
      "send_email",
      {
        effect: "deny",
        rule: "default",
        reason: `Tool "send_email" is not allowed by this grant's policy (default: deny).`,
      },
    ],
    [
      "an unlisted tool under default allow",
      ALLOW_BY_DEFAULT,
      "send_email",
      { effect: "allow", rule: "default", limits: [] },
    ],
    [
      "an explicit deny under default allow",
      ALLOW_BY_DEFAULT,
      "drop_table",
      {
        effect: "deny",
        rule: "tools.drop_table",
        reason: `Tool "drop_table" is denied by this grant's policy.`,
      },
    ],
    [
      "a tool name with a dot",
      DENY_BY_DEFAULT,
      "files.read",
      { effect: "allow", rule: 'tools["files.read"]', limits: [] },
    ],
    [
      "a name differing only in case",
      DENY_BY_DEFAULT,
      "Read_File",
      {
        effect: "deny",
        rule: "default",
        reason: `Tool "Read_File" is not allowed by this grant's policy (default: deny).`,
      },
    ],
  ])("decides %s", (_name, policy, tool, decision) => {
    expect(evaluateToolCall({ policy, tool })).toEqual(decision);
  });

  it.each(["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"])(
    "never matches the prototype property %s",
    (tool) => {
      expect(evaluateToolCall({ policy: DENY_BY_DEFAULT, tool })).toEqual({
        effect: "deny",
        rule: "default",
        reason: `Tool ${JSON.stringify(tool)} is not allowed by this grant's policy (default: deny).`,
      });
    },
  );

  it("matches a tool that is really named constructor", () => {
    // TypeScript does not contextually type a literal "constructor" key, hence the const assertion.
    const policy: Policy = {
      version: "1",
      default: "deny",
      tools: { constructor: { action: "allow" as const } },
    };
    expect(evaluateToolCall({ policy, tool: "constructor" })).toEqual({
      effect: "allow",
      rule: "tools.constructor",
      limits: [],
    });
  });
});

describe("isToolVisible", () => {
  it.each<[Policy, string, boolean]>([
    [DENY_BY_DEFAULT, "copy_model_version", true],
    [DENY_BY_DEFAULT, "read_file", true],
    [DENY_BY_DEFAULT, "delete_model", false],
    [DENY_BY_DEFAULT, "send_email", false],
    [DENY_BY_DEFAULT, "constructor", false],
    [ALLOW_BY_DEFAULT, "send_email", true],
    [ALLOW_BY_DEFAULT, "drop_table", false],
  ])("policy default %#: %s -> %s", (policy, tool, isVisible) => {
    expect(isToolVisible({ policy, tool })).toBe(isVisible);
  });
});
