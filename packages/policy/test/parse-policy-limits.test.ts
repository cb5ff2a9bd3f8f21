import { describe, expect, it } from "vitest";
import { parsePolicy } from "../src/parse-policy";
import { withLimit, withTools } from "./policy-fixtures";

describe("parsePolicy validates limits", () => {
  const windowMessage = 'window must be "second", "minute", "hour", "day" or a number of seconds';
  const windowRangeMessage = "window in seconds must be a whole number from 1 to 2678400 (31 days)";

  it.each<[string, unknown, { path: string; message: string }[]]>([
    [
      "an unknown limit key",
      withLimit({ counter: "c", window: 1, max: 1, windw: 2 }),
      [{ path: "tools.t.limits[0]", message: 'unknown key "windw" — did you mean "window"?' }],
    ],
    [
      "limits that are not an array",
      withTools({ t: { limits: {} } }),
      [{ path: "tools.t.limits", message: "limits must be an array of limits" }],
    ],
    [
      "a limit that is not an object",
      withTools({ t: { limits: ["minute"] } }),
      [{ path: "tools.t.limits[0]", message: 'limit must be an object with "counter", "window" and "max"' }],
    ],
    [
      "an empty limit",
      withLimit({}),
      [
        { path: "tools.t.limits[0].counter", message: "counter is required" },
        { path: "tools.t.limits[0].window", message: "window is required" },
        { path: "tools.t.limits[0].max", message: "max is required" },
      ],
    ],
    [
      "an unknown window name",
      withLimit({ counter: "c", window: "minutes", max: 1 }),
      [{ path: "tools.t.limits[0].window", message: windowMessage }],
    ],
    [
      "a window string of seconds",
      withLimit({ counter: "c", window: "60", max: 1 }),
      [{ path: "tools.t.limits[0].window", message: windowMessage }],
    ],
    [
      "a zero window",
      withLimit({ counter: "c", window: 0, max: 1 }),
      [{ path: "tools.t.limits[0].window", message: windowRangeMessage }],
    ],
    [
      "a fractional window",
      withLimit({ counter: "c", window: 1.5, max: 1 }),
      [{ path: "tools.t.limits[0].window", message: windowRangeMessage }],
    ],
    [
      "a window over 31 days",
      withLimit({ counter: "c", window: 2678401, max: 1 }),
      [{ path: "tools.t.limits[0].window", message: windowRangeMessage }],
    ],
    [
      "max 0",
      withLimit({ counter: "c", window: 1, max: 0 }),
      [{ path: "tools.t.limits[0].max", message: "max must be a positive integer" }],
    ],
    [
      "a negative max",
      withLimit({ counter: "c", window: 1, max: -3 }),
      [{ path: "tools.t.limits[0].max", message: "max must be a positive integer" }],
    ],
    [
      "a fractional max",
      withLimit({ counter: "c", window: 1, max: 2.5 }),
      [{ path: "tools.t.limits[0].max", message: "max must be a positive integer" }],
    ],
    [
      "a string max",
      withLimit({ counter: "c", window: 1, max: "30" }),
      [{ path: "tools.t.limits[0].max", message: "max must be a positive integer" }],
    ],
    [
      "an empty counter",
      withLimit({ counter: "", window: 1, max: 1 }),
      [{ path: "tools.t.limits[0].counter", message: "counter must not be empty" }],
    ],
    [
      "a 65-character counter",
      withLimit({ counter: "c".repeat(65), window: 1, max: 1 }),
      [{ path: "tools.t.limits[0].counter", message: "counter must be at most 64 characters" }],
    ],
    [
      "a counter with spaces",
      withLimit({ counter: "my counter", window: 1, max: 1 }),
      [
        {
          path: "tools.t.limits[0].counter",
          message: 'counter may only contain letters, digits, "_", ".", ":" and "-"',
        },
      ],
    ],
    [
      "an unknown scope",
      withLimit({ counter: "c", window: 1, max: 1, scope: "user" }),
      [{ path: "tools.t.limits[0].scope", message: 'scope must be "grant", "session", "server" or "org"' }],
    ],
  ])("rejects %s", (_name, input, errors) => {
    expect(parsePolicy(input)).toEqual({ ok: false, errors });
  });

  it("rejects a counter reused within one tool, which would spend the budget twice", () => {
    const input = withTools({
      t: {
        limits: [
          { counter: "c", window: "minute", max: 1 },
          { counter: "c", window: "minute", max: 1 },
        ],
      },
    });
    expect(parsePolicy(input)).toEqual({
      ok: false,
      errors: [
        {
          path: "tools.t.limits[1]",
          message:
            'counter "c" in scope "grant" is already limited by tools.t.limits[0]; a tool may use each counter once per scope',
        },
      ],
    });
  });

  it("rejects a shared counter whose window or max disagrees", () => {
    const input = withTools({
      a: { limits: [{ counter: "c", window: "minute", max: 30 }] },
      b: { limits: [{ counter: "c", window: "hour", max: 30, scope: "grant" }] },
    });
    expect(parsePolicy(input)).toEqual({
      ok: false,
      errors: [
        {
          path: "tools.b.limits[0]",
          message:
            'counter "c" in scope "grant" is shared with tools.a.limits[0], so it must use the same window and max (tools.a.limits[0] uses window "minute" and max 30)',
        },
      ],
    });
  });
});
