import { describe, expect, it } from "vitest";
import { parsePolicy } from "../src/parse-policy";
import { FULL_POLICY } from "./policy-examples";
import { SEED_POLICY, withTools } from "./policy-fixtures";

const policy = (fields: Record<string, unknown>) => ({ version: "1", default: "deny", ...fields });
const ANY_CALL = { path: "tool", op: "exists", value: true };
const limit = (fields: Record<string, unknown>) => ({ counter: "c", window: "minute", max: 1, ...fields });

describe("parsePolicy accepts the complete language", () => {
  it("keeps the seed policy's meaning and output unchanged", () => {
    const parsed = parsePolicy(SEED_POLICY);
    expect(parsed).toEqual({
      ok: true,
      policy: {
        ...SEED_POLICY,
        tools: { copy_model_version: { action: "allow", ...SEED_POLICY.tools.copy_model_version } },
      },
    });
  });

  it("accepts the full example and fills in defaults without adding optional fields", () => {
    const parsed = parsePolicy(FULL_POLICY);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.policy.categories?.read).toEqual({ action: "allow" });
    expect(parsed.policy.resources?.["file:///secrets/*"]).toEqual({ action: "deny" });
    expect(parsed.policy.all_tools?.limits?.[0]?.scope).toBe("org");
    expect(parsePolicy({ version: "1", default: "allow" })).toEqual({
      ok: true,
      policy: { version: "1", default: "allow", tools: {} },
    });
  });

  it.each<[string, unknown]>([
    ["shadow mode", policy({ mode: "shadow" })],
    ["an empty hide list", policy({ hide: [] })],
    ["a named rate_limit window", withTools({ t: { rate_limit: { max: 5, window: "hour" } } })],
    ["limits on a held entry", withTools({ t: { action: "require_approval", limits: [limit({})] } })],
    [
      "deny_if on a held entry",
      withTools({ t: { action: "require_approval", deny_if: [{ conditions: [ANY_CALL] }] } }),
    ],
    [
      "every op",
      withTools({
        t: {
          deny_if: [
            {
              conditions: [
                { path: "args.a", op: "eq", value: { nested: [1, null] } },
                { path: "args.a", op: "neq", value: null },
                { path: "args.a", op: "in", value: [1, "1"] },
                { path: "args.a", op: "not_in", value: [] },
                { path: "args.a", op: "lt", value: -1.5 },
                { path: "args.a", op: "lte", value: 0 },
                { path: "args.a", op: "gt", value: 1e9 },
                { path: "args.a", op: "gte", value: 2 },
                { path: "args.a.b.0", op: "regex", value: "^x$" },
                { path: "args.a", op: "contains", value: "x" },
                { path: "session.id", op: "exists", value: false },
              ],
            },
          ],
        },
      }),
    ],
    [
      "a counter shared by all_tools and a resource with the same window and max",
      policy({
        all_tools: { limits: [limit({})] },
        resources: { "file:///*": { limits: [limit({ window: 60 })] } },
      }),
    ],
  ])("accepts %s", (_name, input) => {
    expect(parsePolicy(input).ok).toBe(true);
  });
});

describe("parsePolicy reports precise errors in the complete language", () => {
  it.each<[string, unknown, { path: string; message: string }[]]>([
    [
      "a root key typo",
      policy({ categorys: {} }),
      [{ path: "", message: 'unknown key "categorys" — did you mean "categories"?' }],
    ],
    [
      "an entry key typo",
      withTools({ t: { rate_limt: {} } }),
      [{ path: "tools.t", message: 'unknown key "rate_limt" — did you mean "rate_limit"?' }],
    ],
    [
      "an all_tools key typo",
      policy({ all_tools: { limit: [] } }),
      [{ path: "all_tools", message: 'unknown key "limit" — did you mean "limits"?' }],
    ],
    [
      "a deny_if item with reason instead of on_deny",
      withTools({ t: { deny_if: [{ conditions: [ANY_CALL], reason: "x" }] } }),
      [
        {
          path: "tools.t.deny_if[0]",
          message: 'unknown key "reason" (allowed keys are "conditions" and "on_deny")',
        },
      ],
    ],
    [
      "an unknown mode",
      policy({ mode: "audit" }),
      [{ path: "mode", message: 'mode must be "enforce" or "shadow"' }],
    ],
    [
      "a bad rate_limit window",
      withTools({ t: { rate_limit: { max: 1, window: "minutes" } } }),
      [
        {
          path: "tools.t.rate_limit.window",
          message: 'window must be "second", "minute", "hour", "day" or a number of seconds',
        },
      ],
    ],
    [
      "a rate_limit window over 31 days",
      withTools({ t: { rate_limit: { max: 1, window: 2678401 } } }),
      [
        {
          path: "tools.t.rate_limit.window",
          message: "window in seconds must be a whole number from 1 to 2678400 (31 days)",
        },
      ],
    ],
    [
      "a zero rate_limit max",
      withTools({ t: { rate_limit: { max: 0, window: 1 } } }),
      [{ path: "tools.t.rate_limit.max", message: "max must be a positive integer" }],
    ],
    [
      "a negative rate_limit max",
      withTools({ t: { rate_limit: { max: -1, window: 1 } } }),
      [{ path: "tools.t.rate_limit.max", message: "max must be a positive integer" }],
    ],
    [
      "a fractional rate_limit max",
      withTools({ t: { rate_limit: { max: 1.5, window: 1 } } }),
      [{ path: "tools.t.rate_limit.max", message: "max must be a positive integer" }],
    ],
    [
      "a rate_limit that is a number",
      withTools({ t: { rate_limit: 10 } }),
      [
        {
          path: "tools.t.rate_limit",
          message: 'rate_limit must be an object such as {"max": 10, "window": 60}',
        },
      ],
    ],
    [
      "a bad all_tools scope",
      policy({ all_tools: { limits: [limit({ scope: "user" })] } }),
      [{ path: "all_tools.limits[0].scope", message: 'scope must be "grant", "session", "server" or "org"' }],
    ],
    [
      "increment_from without args.",
      withTools({ t: { limits: [limit({ increment_from: "amount" })] } }),
      [
        {
          path: "tools.t.limits[0].increment_from",
          message:
            'increment_from must name a numeric argument such as "args.amount" (it must start with "args.")',
        },
      ],
    ],
    [
      "increment_from naming a fact",
      withTools({ t: { limits: [limit({ increment_from: "session.id" })] } }),
      [
        {
          path: "tools.t.limits[0].increment_from",
          message:
            'increment_from must name a numeric argument such as "args.amount" (it must start with "args.")',
        },
      ],
    ],
    [
      "an unknown category",
      policy({ categories: { destrutive: { action: "deny" }, admin: {} } }),
      [
        {
          path: "categories",
          message:
            'unknown category "destrutive" — did you mean "destructive"?; unknown category "admin" (allowed categories are "read", "write", "execute", "destructive" and "financial")',
        },
      ],
    ],
    [
      "categories as an array",
      policy({ categories: [] }),
      [
        {
          path: "categories",
          message:
            'categories must be an object mapping risk categories ("read", "write", "execute", "destructive" or "financial") to entries',
        },
      ],
    ],
    [
      "an empty hide glob",
      policy({ hide: ["delete_*", ""] }),
      [{ path: "hide[1]", message: "hide glob must not be empty" }],
    ],
    [
      "hide as a string",
      policy({ hide: "delete_*" }),
      [{ path: "hide", message: "hide must be an array of tool globs" }],
    ],
    [
      "rate_limit and deny_if on a denied entry",
      withTools({
        t: { action: "deny", rate_limit: { max: 1, window: 1 }, deny_if: [{ conditions: [ANY_CALL] }] },
      }),
      [
        {
          path: "tools.t.rate_limit",
          message:
            'rate_limit cannot be set when "action" is "deny" (every call is already denied); remove "rate_limit" or change "action"',
        },
        {
          path: "tools.t.deny_if",
          message:
            'deny_if cannot be set when "action" is "deny" (every call is already denied); remove "deny_if" or change "action"',
        },
      ],
    ],
    [
      "approve_if on a denied resource",
      policy({ resources: { "file:///*": { action: "deny", approve_if: [{ conditions: [ANY_CALL] }] } } }),
      [
        {
          path: "resources.file:///*.approve_if",
          message:
            'approve_if cannot be set when "action" is "deny" (every call is already denied); remove "approve_if" or change "action"',
        },
      ],
    ],
    [
      "approve_if on an entry that always requires approval",
      withTools({ t: { action: "require_approval", approve_if: [{ conditions: [ANY_CALL] }] } }),
      [
        {
          path: "tools.t.approve_if",
          message:
            'approve_if has no effect when "action" is "require_approval" (every call is already held); remove "approve_if" or set "action" to "allow"',
        },
      ],
    ],
    [
      "an empty condition list",
      withTools({ t: { deny_if: [{ conditions: [] }] } }),
      [
        {
          path: "tools.t.deny_if[0].conditions",
          message: "conditions must list at least one condition; an empty list would match every call",
        },
      ],
    ],
    [
      "a deny_if item without conditions",
      withTools({ t: { approve_if: [{ reason: "x" }] } }),
      [{ path: "tools.t.approve_if[0].conditions", message: "conditions is required" }],
    ],
    [
      "deny_if as an object",
      withTools({ t: { deny_if: { conditions: [ANY_CALL] } } }),
      [{ path: "tools.t.deny_if", message: "deny_if must be an array of items with conditions" }],
    ],
    [
      "an empty on_deny",
      withTools({ t: { deny_if: [{ conditions: [ANY_CALL], on_deny: "" }] } }),
      [
        {
          path: "tools.t.deny_if[0].on_deny",
          message: "on_deny must not be empty; leave it out to use the standard message",
        },
      ],
    ],
    [
      "an empty resource URI",
      policy({ resources: { "": {} } }),
      [{ path: 'resources[""]', message: "resource URI must not be empty" }],
    ],
    [
      "prompts as an array",
      policy({ prompts: [] }),
      [{ path: "prompts", message: "prompts must be an object mapping prompt names (or globs) to entries" }],
    ],
    [
      "a counter counted twice by all_tools",
      policy({ all_tools: { limits: [limit({}), limit({})] } }),
      [
        {
          path: "all_tools.limits[1]",
          message:
            'counter "c" in scope "grant" is already limited by all_tools.limits[0]; a tool may use each counter once per scope',
        },
      ],
    ],
    [
      "a tool counting an all_tools counter again",
      policy({ all_tools: { limits: [limit({})] }, tools: { t: { limits: [limit({})] } } }),
      [
        {
          path: "tools.t.limits[0]",
          message:
            'counter "c" in scope "grant" is already limited by all_tools.limits[0]; a tool may use each counter once per scope',
        },
      ],
    ],
    [
      "a category entry counting an all_tools counter again",
      policy({ all_tools: { limits: [limit({})] }, categories: { write: { limits: [limit({})] } } }),
      [
        {
          path: "categories.write.limits[0]",
          message:
            'counter "c" in scope "grant" is already limited by all_tools.limits[0]; a tool may use each counter once per scope',
        },
      ],
    ],
    [
      "a prompt sharing a counter with a different window",
      policy({
        categories: { write: { limits: [limit({})] } },
        prompts: { p: { limits: [limit({ window: "hour" })] } },
      }),
      [
        {
          path: "prompts.p.limits[0]",
          message:
            'counter "c" in scope "grant" is shared with categories.write.limits[0], so it must use the same window and max (categories.write.limits[0] uses window "minute" and max 1)',
        },
      ],
    ],
    [
      "a resource counting one counter twice",
      policy({ resources: { "file:///*": { limits: [limit({}), limit({})] } } }),
      [
        {
          path: "resources.file:///*.limits[1]",
          message:
            'counter "c" in scope "grant" is already limited by resources.file:///*.limits[0]; a resource may use each counter once per scope',
        },
      ],
    ],
  ])("rejects %s", (_name, input, errors) => {
    expect(parsePolicy(input)).toEqual({ ok: false, errors });
  });

  it.each([
    ["prompts", "prompt name"],
    ["resources", "resource URI"],
    ["categories", "category"],
  ])("rejects a __proto__ key in %s instead of silently dropping it", (section, noun) => {
    const input = JSON.parse(
      `{"version":"1","default":"allow","${section}":{"__proto__":{"action":"deny"}}}`,
    );
    expect(parsePolicy(input)).toEqual({
      ok: false,
      errors: [{ path: `${section}.__proto__`, message: `${noun} "__proto__" is reserved` }],
    });
  });
});

describe("on_tool_change", () => {
  it.each(["block", "allow"])("accepts %s", (value) => {
    const result = parsePolicy({ version: "1", default: "deny", on_tool_change: value });
    expect(result.ok && result.policy.on_tool_change).toBe(value);
  });

  it("rejects anything else with the choices", () => {
    expect(parsePolicy({ version: "1", default: "deny", on_tool_change: "warn" })).toEqual({
      ok: false,
      errors: [{ path: "on_tool_change", message: 'on_tool_change must be "block" or "allow"' }],
    });
  });
});

describe("log_arguments", () => {
  it.each(["keys", "redacted", "full"])("accepts %s", (value) => {
    const result = parsePolicy({ version: "1", default: "deny", log_arguments: value });
    expect(result.ok && result.policy.log_arguments).toBe(value);
  });

  it("is absent unless set (the proxy then keeps argument names only)", () => {
    const result = parsePolicy({ version: "1", default: "deny" });
    expect(result.ok && result.policy.log_arguments).toBeUndefined();
  });

  it("rejects anything else with the choices", () => {
    expect(parsePolicy({ version: "1", default: "deny", log_arguments: "values" })).toEqual({
      ok: false,
      errors: [{ path: "log_arguments", message: 'log_arguments must be "keys", "redacted" or "full"' }],
    });
  });
});
