import { describe, expect, it } from "vitest";
import { countLiteralChars, isGlob, matchGlob } from "../src/match-glob";

describe("matchGlob", () => {
  it.each<[string, string, boolean]>([
    ["delete_*", "delete_model", true],
    ["delete_*", "delete_", true],
    ["delete_*", "undelete_model", false],
    ["*_model", "delete_model", true],
    ["*", "", true],
    ["*", "anything at all", true],
    ["a*b*c", "aXbYc", true],
    ["a*b*c", "abc", true],
    ["a*b*c", "acb", false],
    ["read_?", "read_a", true],
    ["read_?", "read_", false],
    ["read_?", "read_ab", false],
    ["??", "é€", true],
    ["?", "😀", true],
    ["file:///secrets/*", "file:///secrets/a/b.pem", true],
    ["file:///secrets/*", "file:///public/a", false],
    ["a.b", "aXb", false],
    ["[ab]", "[ab]", true],
    ["[ab]", "a", false],
    ["exact", "exact", true],
    ["exact", "exactly", false],
    ["**a", "a", true],
    ["*a*a*a*a*b", "a".repeat(5000), false],
  ])("%j vs %j → %s", (glob, text, expected) => {
    expect(matchGlob(glob, text)).toBe(expected);
  });

  it.each<[string, boolean, number]>([
    ["delete_model", false, 12],
    ["delete_*", true, 7],
    ["read_?", true, 5],
    ["*", true, 0],
  ])("%j: glob %s, %d literal characters", (key, glob, literal) => {
    expect(isGlob(key)).toBe(glob);
    expect(countLiteralChars(key)).toBe(literal);
  });
});
