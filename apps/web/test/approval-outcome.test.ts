import { describe, expect, it } from "vitest";
import { type ApprovalOutcome, describeApprovalOutcome } from "@/components/approvals/approval-outcome";
import { formatDurationMs } from "@/lib/format";

describe("formatDurationMs", () => {
  it.each([
    [0, "0 s"],
    [400, "0 s"],
    [12_000, "12 s"],
    [60_000, "1 min"],
    [245_000, "4 min 5 s"],
    [2 * 3600_000 + 10 * 60_000 + 30_000, "2 h 10 min"],
    [3600_000 + 5_000, "1 h"],
    [3 * 86_400_000 + 4 * 3600_000, "3 d 4 h"],
    [-5_000, "0 s"],
  ])("%i ms reads as %s", (ms, text) => {
    expect(formatDurationMs(ms)).toBe(text);
  });
});

describe("describeApprovalOutcome", () => {
  it.each<[ApprovalOutcome, string]>([
    [{ status: "approved", decidedBy: "Alice", waitMs: 12_000 }, "approved by Alice after 12 s"],
    [{ status: "denied", decidedBy: "API key CI", waitMs: 61_000 }, "denied by API key CI after 1 min 1 s"],
    [
      { status: "expired", decidedBy: "Gatehouse", waitMs: 600_000 },
      "timed out after 10 min: nobody decided in time",
    ],
    [{ status: "cancelled", decidedBy: "Gatehouse", waitMs: 3_000 }, "cancelled by the agent after 3 s"],
    [
      { status: "abandoned", decidedBy: "Gatehouse", waitMs: null },
      "abandoned: the proxy holding the call stopped",
    ],
    [
      { status: "reused", decidedBy: "Bob", waitMs: 0 },
      "let through by Bob's earlier approval of an identical call",
    ],
    [{ status: "approved", decidedBy: null, waitMs: null }, "approved by someone"],
  ])("%o reads as %s", (outcome, text) => {
    expect(describeApprovalOutcome(outcome)).toBe(text);
  });
});
