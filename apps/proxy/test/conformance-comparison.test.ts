import { describe, expect, it } from "vitest";
import { formatComparison, judgeGateway } from "./compat/compare-conformance";
import type { ConformanceRun, ScenarioResult } from "./compat/run-conformance";

type Results = Record<string, ScenarioResult>;
type Case = {
  case: string;
  direct: Results;
  gateway: Results;
  known: Record<string, string>;
  verdict: unknown;
};

const pass: ScenarioResult = { passed: 1, failures: [] };
const fail: ScenarioResult = { passed: 0, failures: ["check: broke"] };
const run = (results: Results): ConformanceRun => new Map(Object.entries(results));

describe("judging a gateway's conformance run against the server's own", () => {
  it.each<Case>([
    {
      case: "a failure the server shares is not the gateway's",
      direct: { ping: fail },
      gateway: { ping: fail },
      known: {},
      verdict: { unexpected: [], stale: [] },
    },
    {
      case: "a failure only through the gateway is unexpected",
      direct: { ping: pass },
      gateway: { ping: fail },
      known: {},
      verdict: { unexpected: [{ scenario: "ping", failures: ["check: broke"] }], stale: [] },
    },
    {
      case: "a scenario that did not run through the gateway counts as failed",
      direct: { ping: pass },
      gateway: {},
      known: {},
      verdict: { unexpected: [{ scenario: "ping", failures: ["the scenario did not run"] }], stale: [] },
    },
    {
      case: "a known failure is accepted",
      direct: { ping: pass },
      gateway: { ping: fail },
      known: { ping: "not relayed yet" },
      verdict: { unexpected: [], stale: [] },
    },
    {
      case: "a known failure that now passes is stale",
      direct: { ping: pass },
      gateway: { ping: pass },
      known: { ping: "not relayed yet" },
      verdict: { unexpected: [], stale: ["ping"] },
    },
  ])("$case", ({ direct, gateway, known, verdict }) => {
    expect(judgeGateway(run(direct), run(gateway), known)).toEqual(verdict);
  });

  it("tables both runs side by side with the reason for each failure the gateway adds", () => {
    const table = formatComparison(
      run({ ping: pass, "tools-list": pass, "tools-call": pass }),
      run({ ping: pass, "tools-list": fail, "tools-call": fail }),
      { "tools-list": "not relayed yet" },
    );
    expect(table.split("\n").slice(2)).toEqual([
      "| ping | ✓ 1/1 checks | ✓ 1/1 checks |  |",
      "| tools-list | ✓ 1/1 checks | ✗ 0/1 checks | not relayed yet |",
      "| tools-call | ✓ 1/1 checks | ✗ 0/1 checks | **new failure added by the gateway** |",
      "| **Scenarios passed** | 3/3 | 1/3 | |",
    ]);
  });
});
