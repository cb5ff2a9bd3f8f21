import type { ConformanceRun, ScenarioResult } from "./run-conformance";

/** A scenario the gateway fails although the server alone passes it, with the failed checks. */
export type AddedFailure = { scenario: string; failures: string[] };

/** How a gateway run measures up: failures it adds that are not known, and known ones that no longer occur. */
export type Verdict = { unexpected: AddedFailure[]; stale: string[] };

const MISSING: ScenarioResult = { passed: 0, failures: ["the scenario did not run"] };

/** The scenarios that pass against the server directly but fail through the gateway. */
export function findAddedFailures(direct: ConformanceRun, gateway: ConformanceRun): AddedFailure[] {
  const added: AddedFailure[] = [];
  for (const [scenario, straight] of direct) {
    const through = gateway.get(scenario) ?? MISSING;
    if (straight.failures.length === 0 && through.failures.length > 0) {
      added.push({ scenario, failures: through.failures });
    }
  }
  return added;
}

/** Compares the failures the gateway adds with those known (scenario → reason). */
export function judgeGateway(
  direct: ConformanceRun,
  gateway: ConformanceRun,
  known: Record<string, string>,
): Verdict {
  const added = findAddedFailures(direct, gateway);
  const addedNames = new Set(added.map((failure) => failure.scenario));
  return {
    unexpected: added.filter((failure) => !(failure.scenario in known)),
    stale: Object.keys(known).filter((scenario) => direct.has(scenario) && !addedNames.has(scenario)),
  };
}

/** A Markdown table of every scenario's result directly and through the gateway, side by side. */
export function formatComparison(
  direct: ConformanceRun,
  gateway: ConformanceRun,
  known: Record<string, string>,
): string {
  const addedNames = new Set(findAddedFailures(direct, gateway).map((failure) => failure.scenario));
  const scenarios = [...new Set([...direct.keys(), ...gateway.keys()])];
  const rows = scenarios.map((scenario) => {
    const note = addedNames.has(scenario) ? (known[scenario] ?? "**new failure added by the gateway**") : "";
    return `| ${scenario} | ${describe(direct.get(scenario))} | ${describe(gateway.get(scenario))} | ${note} |`;
  });
  return [
    "| Scenario | Server directly | Through Gatehouse | Why Gatehouse fails it |",
    "| --- | --- | --- | --- |",
    ...rows,
    `| **Scenarios passed** | ${countPassing(direct)} | ${countPassing(gateway)} | |`,
  ].join("\n");
}

function describe(result: ScenarioResult = MISSING): string {
  const total = result.passed + result.failures.length;
  return `${result.failures.length === 0 ? "✓" : "✗"} ${result.passed}/${total} checks`;
}

function countPassing(run: ConformanceRun): string {
  const results = [...run.values()];
  return `${results.filter((result) => result.failures.length === 0).length}/${results.length}`;
}
