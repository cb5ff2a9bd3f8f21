import { describe, expect, it } from "vitest";
import { parsePolicyText } from "../src/parse-policy";

describe("parsePolicyText", () => {
  it("parses the seed example text", () => {
    const text = `{ "version": "1", "default": "deny",
  "tools": { "copy_model_version": { "limits": [
    { "counter": "copy_model_version_rate", "window": "minute", "max": 30, "scope": "grant" } ] } } }`;
    expect(parsePolicyText(text)).toEqual({
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

  it("ignores a leading byte-order mark", () => {
    expect(parsePolicyText('\uFEFF{"version":"1","default":"allow"}').ok).toBe(true);
  });

  it("reports validation errors after decoding", () => {
    expect(parsePolicyText('{"version":"1","default":"nope"}')).toEqual({
      ok: false,
      errors: [{ path: "default", message: 'default must be "deny" or "allow"' }],
    });
  });

  it.each([
    ["empty text", "", 'policy is empty; expected a JSON object such as {"version": "1", "default": "deny"}'],
    [
      "blank text",
      " \n\t",
      'policy is empty; expected a JSON object such as {"version": "1", "default": "deny"}',
    ],
    [
      "a trailing comma in an object",
      '{\n  "version": "1",\n}',
      "invalid JSON at line 3, column 1: expected double-quoted property name",
    ],
    [
      "a missing comma",
      '{\n  "version": "1"\n  "default": "deny"\n}',
      "invalid JSON at line 3, column 3: expected ',' or '}' after property value",
    ],
    [
      "an unquoted value in a long document",
      '{\n  "version": "1",\n  "default": "deny",\n  "tools": { "a": { "action": allow } }\n}',
      "invalid JSON at line 4, column 31: unexpected token 'a'",
    ],
    [
      "an unquoted value in a short document",
      '{"a": x}',
      "invalid JSON at line 1, column 7: unexpected token 'x'",
    ],
    ["a trailing comma in an array", "[1,]", "invalid JSON at line 1, column 4: unexpected token ']'"],
    [
      "truncated text",
      '{\n"version": "1"',
      "invalid JSON at line 2, column 15: expected ',' or '}' after property value",
    ],
    [
      "text after the document",
      '{"version":"1"} x',
      "invalid JSON at line 1, column 17: unexpected non-whitespace character after JSON",
    ],
  ])("reports %s with a line and column", (_name, text, message) => {
    expect(parsePolicyText(text)).toEqual({ ok: false, errors: [{ path: "", message }] });
  });
});
