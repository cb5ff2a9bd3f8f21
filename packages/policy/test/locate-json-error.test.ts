import { describe, expect, it } from "vitest";
import { findJsonErrorOffset, locateOffset } from "../src/locate-json-error";

describe("findJsonErrorOffset", () => {
  it.each<[string, string, string, number | undefined]>([
    ["an explicit position", "Unterminated string in JSON at position 7", '{"a":"b', 7],
    [
      "a position with newer V8 line details",
      "Expected double-quoted property name in JSON at position 11 (line 3 column 1)",
      '{\n "a": 1,\n}',
      11,
    ],
    ["the end of input", "Unexpected end of JSON input", '{"a":', 5],
    ["a whole-source quote", `Unexpected token 'x', "{"a": x}" is not valid JSON`, '{"a": x}', 6],
    [
      "an ambiguous whole-source quote",
      `Unexpected token 'a', "{"a": a}" is not valid JSON`,
      '{"a": a}',
      undefined,
    ],
    [
      "a quote with context on both sides",
      `Unexpected token 'x', ..."bcdefgh": x, "b": 12"... is not valid JSON`,
      '{"aaaaaaaaaaaaaaaabcdefgh": x, "b": 1234567890}',
      28,
    ],
    ["an unrecognised message", "Something else went wrong", "{}", undefined],
  ])("handles %s", (_name, message, text, offset) => {
    expect(findJsonErrorOffset(message, text)).toBe(offset);
  });
});

describe("locateOffset", () => {
  it.each([
    ["abc", 0, { line: 1, column: 1 }],
    ["abc", 2, { line: 1, column: 3 }],
    ["ab\ncd", 3, { line: 2, column: 1 }],
    ["ab\r\ncd\nef", 8, { line: 3, column: 2 }],
  ])("locates %j offset %d", (text, offset, location) => {
    expect(locateOffset(text, offset)).toEqual(location);
  });
});
