import { describe, expect, it } from "vitest";
import { describeWindow, type LimitWindow, windowSeconds } from "../src/limit-window";

describe("limit windows", () => {
  it.each<[LimitWindow, number, string]>([
    ["second", 1, "second"],
    ["minute", 60, "minute"],
    ["hour", 3600, "hour"],
    ["day", 86400, "day"],
    [1, 1, "1 second"],
    [90, 90, "90 seconds"],
    [2678400, 2678400, "2678400 seconds"],
  ])("%s lasts %d seconds and reads as %s", (window, seconds, description) => {
    expect(windowSeconds(window)).toBe(seconds);
    expect(describeWindow(window)).toBe(description);
  });
});
