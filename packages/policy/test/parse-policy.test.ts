import { describe, expect, it } from "vitest";
import { parsePolicy } from "../src/parse-policy";
import { SEED_POLICY, withLimit, withTools } from "./policy-fixtures";

describe("parsePolicy accepts valid policies", () => {
  it("parses the seed example exactly, adding the default action", () => {
    expect(parsePolicy(SEED_POLICY)).toEqual({
      ok: true,
      policy: {
        version: "1",
        default: "deny",
        tools: {
          copy_model_version: {
            action: "allow",
            limits: [{ counter: "copy_model_version_rate", window: "minute", max: 30, scope: "grant" }],
          },
        },
      },
    });
  });

  it("defaults tools to an empty object and limit scope to grant", () => {
    expect(parsePolicy({ version: "1", default: "allow" })).toEqual({
      ok: true,
      policy: { version: "1", default: "allow", tools: {} },
    });
    const parsed = parsePolicy(withLimit({ counter: "c", window: 90, max: 1 }));
    expect(parsed).toEqual({
      ok: true,
      policy: withTools({
        t: { action: "allow", limits: [{ counter: "c", window: 90, max: 1, scope: "grant" }] },
      }),
    });
  });

  it.each([
    ["a denied tool with a reason", { t: { action: "deny", reason: "Use the read-only tool." } }],
    ["a tool that requires approval", { t: { action: "require_approval", reason: "A person signs off." } }],
    ["a tool with no settings", { t: {} }],
    [
      "every named window",
      {
        t: {
          limits: ["second", "minute", "hour", "day"].map((w, i) => ({
            counter: `c${i}`,
            window: w,
            max: 1,
          })),
        },
      },
    ],
    ["a 31-day window", { t: { limits: [{ counter: "c", window: 2678400, max: 1 }] } }],
    ["counter punctuation", { t: { limits: [{ counter: "a-b_c.d:e", window: 1, max: 1 }] } }],
    ["a 64-character counter", { t: { limits: [{ counter: "c".repeat(64), window: 1, max: 1 }] } }],
    ["a 128-character tool name", { ["t".repeat(128)]: {} }],
    ["prototype-like tool names", { constructor: {}, toString: { action: "deny" } }],
    [
      "a counter shared with the same window and max",
      {
        a: { limits: [{ counter: "c", window: "minute", max: 5 }] },
        b: { limits: [{ counter: "c", window: 60, max: 5 }] },
      },
    ],
    [
      "one counter name in different scopes",
      {
        a: {
          limits: [
            { counter: "c", window: 1, max: 1 },
            { counter: "c", window: 2, max: 2, scope: "org" },
          ],
        },
      },
    ],
  ])("accepts %s", (_name, tools) => {
    expect(parsePolicy(withTools(tools)).ok).toBe(true);
  });
});

describe("parsePolicy reports precise errors", () => {
  const objectMessage = 'policy must be a JSON object with "version" and "default"';

  it.each<[string, unknown, { path: string; message: string }[]]>([
    ["null", null, [{ path: "", message: objectMessage }]],
    ["an array", [], [{ path: "", message: objectMessage }]],
    ["a string", "deny", [{ path: "", message: objectMessage }]],
    [
      "an empty object",
      {},
      [
        { path: "version", message: "version is required" },
        { path: "default", message: "default is required" },
      ],
    ],
    [
      "a numeric version",
      { version: 1, default: "deny" },
      [{ path: "version", message: 'version must be the string "1"' }],
    ],
    [
      "version 2",
      { version: "2", default: "deny" },
      [{ path: "version", message: 'version must be the string "1"' }],
    ],
    [
      "a bad default",
      { version: "1", default: "block" },
      [{ path: "default", message: 'default must be "deny" or "allow"' }],
    ],
    [
      "a root key typo",
      { version: "1", default: "deny", tool: {} },
      [{ path: "", message: 'unknown key "tool" — did you mean "tools"?' }],
    ],
    [
      "tools as an array",
      withTools([]),
      [{ path: "tools", message: "tools must be an object mapping tool names (or globs) to entries" }],
    ],
    [
      "a tool entry that is not an object",
      withTools({ t: true }),
      [{ path: "tools.t", message: 'entry must be an object such as {"action": "allow"}' }],
    ],
    [
      "a tool key typo",
      withTools({ copy_model_version: { limts: [] } }),
      [{ path: "tools.copy_model_version", message: 'unknown key "limts" — did you mean "limits"?' }],
    ],
    [
      "an unknown tool key with no close match",
      withTools({ t: { priority: 1 } }),
      [
        {
          path: "tools.t",
          message:
            'unknown key "priority" (allowed keys are "action", "reason", "limits", "rate_limit", "deny_if", "approve_if" and "approval")',
        },
      ],
    ],
    [
      "several unknown keys",
      withTools({ t: { Action: "deny", reasn: "x" } }),
      [
        {
          path: "tools.t",
          message:
            'unknown key "Action" — did you mean "action"?; unknown key "reasn" — did you mean "reason"?',
        },
      ],
    ],
    [
      "an unknown action",
      withTools({ t: { action: "block" } }),
      [{ path: "tools.t.action", message: 'action must be "allow", "deny" or "require_approval"' }],
    ],
    [
      "limits on a denied tool",
      withTools({ t: { action: "deny", limits: [] } }),
      [
        {
          path: "tools.t.limits",
          message:
            'limits cannot be set when "action" is "deny" (every call is already denied); remove "limits" or change "action"',
        },
      ],
    ],
    [
      "an empty reason",
      withTools({ t: { action: "deny", reason: "" } }),
      [
        {
          path: "tools.t.reason",
          message: "reason must not be empty; leave it out to use the standard message",
        },
      ],
    ],
    [
      "a 501-character reason",
      withTools({ t: { action: "deny", reason: "r".repeat(501) } }),
      [{ path: "tools.t.reason", message: "reason must be at most 500 characters" }],
    ],
    [
      "an empty tool name",
      withTools({ "": {} }),
      [{ path: 'tools[""]', message: "tool name must not be empty" }],
    ],
    [
      "a 129-character tool name",
      withTools({ ["t".repeat(129)]: {} }),
      [{ path: `tools.${"t".repeat(129)}`, message: "tool name must be at most 128 characters" }],
    ],
    [
      "a dotted tool name with a bad rule",
      withTools({ "files.read": { action: "maybe" } }),
      [
        {
          path: 'tools["files.read"].action',
          message: 'action must be "allow", "deny" or "require_approval"',
        },
      ],
    ],
  ])("rejects %s", (_name, input, errors) => {
    expect(parsePolicy(input)).toEqual({ ok: false, errors });
  });

  it("rejects a __proto__ tool instead of silently dropping it", () => {
    const input = JSON.parse('{"version":"1","default":"allow","tools":{"__proto__":{"action":"deny"}}}');
    expect(parsePolicy(input)).toEqual({
      ok: false,
      errors: [{ path: "tools.__proto__", message: 'tool name "__proto__" is reserved' }],
    });
  });
});
