import { type DiffLine, diffLines } from "@gatehouse/core/policies/diff-lines";
import { describe, expect, it } from "vitest";

const same = (text: string): DiffLine => ({ kind: "same", text });
const added = (text: string): DiffLine => ({ kind: "added", text });
const removed = (text: string): DiffLine => ({ kind: "removed", text });

describe("diffLines", () => {
  it.each<[string, string, string, DiffLine[]]>([
    ["identical texts", "a\nb", "a\nb", [same("a"), same("b")]],
    ["a line inserted", "a\nc", "a\nb\nc", [same("a"), added("b"), same("c")]],
    ["a line deleted", "a\nb\nc", "a\nc", [same("a"), removed("b"), same("c")]],
    ["a line changed in the middle", "a\nb\nc", "a\nX\nc", [same("a"), removed("b"), added("X"), same("c")]],
    ["a line appended", "a", "a\nb", [same("a"), added("b")]],
    ["a line prepended", "b", "a\nb", [added("a"), same("b")]],
    ["everything replaced", "a\nb", "c", [removed("a"), removed("b"), added("c")]],
    ["two empty texts", "", "", []],
    ["an empty text before", "", "a\nb", [added("a"), added("b")]],
    ["an empty text after", "a\nb", "", [removed("a"), removed("b")]],
    ["a blank line added", "a\nb", "a\n\nb", [same("a"), added(""), same("b")]],
  ])("%s", (_label, before, after, expected) => {
    expect(diffLines(before, after)).toEqual(expected);
  });

  it("keeps every line of both texts, in order", () => {
    const before = ["{", '  "version": "1",', '  "default": "deny"', "}"].join("\n");
    const after = ["{", '  "version": "1",', '  "default": "allow",', '  "mode": "shadow"', "}"].join("\n");
    const diff = diffLines(before, after);
    const kept = (kind: DiffLine["kind"]) =>
      diff.filter((line) => line.kind !== kind).map((line) => line.text);
    expect(kept("added").join("\n")).toBe(before);
    expect(kept("removed").join("\n")).toBe(after);
  });

  it("shows a plain replace for texts too large to compare line by line", () => {
    const before = Array.from({ length: 2_001 }, (_, i) => `old ${i}`).join("\n");
    const after = Array.from({ length: 2_001 }, (_, i) => `new ${i}`).join("\n");
    const diff = diffLines(before, after);
    expect(diff).toHaveLength(4_002);
    expect(diff[0]).toEqual(removed("old 0"));
    expect(diff[2_001]).toEqual(added("new 0"));
  });
});
