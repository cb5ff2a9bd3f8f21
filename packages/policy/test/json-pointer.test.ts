import { describe, expect, it } from "vitest";
import { toJsonPointer } from "../src/json-pointer";

describe("toJsonPointer", () => {
  it.each<[(string | number)[], string]>([
    [[], ""],
    [["tools", "copy_model_version"], "/tools/copy_model_version"],
    [["tools", "delete_*", "deny_if", 0], "/tools/delete_*/deny_if/0"],
    [["resources", "file:///secrets/*"], "/resources/file:~1~1~1secrets~1*"],
    [["tools", "a~b/c"], "/tools/a~0b~1c"],
    [["tools", ""], "/tools/"],
  ])("%j → %s", (segments, pointer) => {
    expect(toJsonPointer(segments)).toBe(pointer);
  });
});
