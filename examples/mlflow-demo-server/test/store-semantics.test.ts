import { describe, expect, it } from "vitest";
import { callTool } from "../src/call-tool";
import { createMlflowState } from "../src/store/mlflow-store";
import { RUN_IDS } from "../src/store/seed/seed-ids";
import { searchRuns } from "../src/store/tracking-ops";
import { loadToolDefinitions } from "../src/tool-definitions";

const byName = new Map(loadToolDefinitions().map((tool) => [tool.name, tool]));

function fresh() {
  const context = {
    state: createMlflowState({ now: () => 1_760_000_000_000 }),
    trackingUri: "memory://test",
  };
  const call = (name: string, args: Record<string, unknown>) =>
    callTool(byName, { name, arguments: args }, context);
  return { ...context, call };
}

describe("run search filters (MLflow syntax)", () => {
  const state = createMlflowState();
  const cases: [filter: string, expected: string[]][] = [
    ["", [RUN_IDS.churnTrial2, RUN_IDS.churnTrial1, RUN_IDS.churnSweep, RUN_IDS.churnBaseline]],
    ["metrics.`test/auc` >= 0.861", [RUN_IDS.churnTrial2, RUN_IDS.churnTrial1]],
    ["params.max_depth = '4'", [RUN_IDS.churnTrial1]],
    ["tags.mlflow.runName LIKE 'xgb-%'", [RUN_IDS.churnTrial2, RUN_IDS.churnTrial1, RUN_IDS.churnSweep]],
    ["attributes.run_name ILIKE 'LOGREG%'", [RUN_IDS.churnBaseline]],
    [
      "tags.`mlflow.parentRunId` = '1d7f2a9c3b4e4f5a8c6d7e8f9a0b1c02' AND metrics.`val/loss` < 0.4",
      [RUN_IDS.churnTrial2],
    ],
    ["params.seed IN ('42', '7') and metrics.`test/f1` != 0.604", [RUN_IDS.churnTrial2, RUN_IDS.churnTrial1]],
    ["metrics.missing > 0", []],
  ];
  it.each(cases)("%s", (filter, expected) => {
    const runs = searchRuns(state, { experimentIds: ["1"], filter, maxResults: 100 });
    expect(runs.map((run) => run.runId)).toEqual(expected);
  });

  it.each([
    "metrics.x > 1 OR metrics.y < 2",
    "params.lr > '0.1'",
    "metrics.auc = 'high'",
    "nonsense.key = 'x'",
    "attributes.colour = 'red'",
  ])("rejects %s as INVALID_PARAMETER_VALUE", (filter) => {
    expect(() => searchRuns(state, { experimentIds: ["1"], filter, maxResults: 100 })).toThrow(
      /Invalid|not supported|Expected/,
    );
  });

  it("sorts runs lacking the order_by metric last in both directions", () => {
    for (const direction of ["ASC", "DESC"]) {
      const runs = searchRuns(state, {
        experimentIds: ["1"],
        orderBy: [`metrics.\`test/auc\` ${direction}`],
        maxResults: 10,
      });
      expect(runs.at(-1)?.runId).toBe(RUN_IDS.churnSweep);
    }
  });
});

describe("registry and tracking writes", () => {
  it("transition with archive_existing archives the previous Production version", () => {
    const { call, state } = fresh();
    call("transition_model_version_stage", {
      name: "churn-classifier",
      version: "2",
      stage: "production",
      archive_existing: true,
    });
    const stages = state.registeredModels
      .get("churn-classifier")
      ?.versions.map((version) => version.currentStage);
    expect(stages).toEqual(["Archived", "Production", "Archived"]);
  });

  it("deleting a version drops its aliases and never reuses its number", () => {
    const { call } = fresh();
    call("delete_model_version", { name: "churn-classifier", version: "3" });
    expect(call("get_model_version_by_alias", { name: "churn-classifier", alias: "champion" }).isError).toBe(
      true,
    );
    const registered = call("register_model", {
      model_name: "churn-classifier",
      model_uri: `runs:/${RUN_IDS.churnTrial2}/model`,
    });
    expect(registered.content).toEqual([
      expect.objectContaining({ text: expect.stringContaining('"version": "4"') }),
    ]);
  });

  it("delete_experiment hides the experiment and its runs from searches but get_run still finds them", () => {
    const { call } = fresh();
    call("delete_experiment", { experiment_id: "2" });
    expect(call("get_experiments", {}).structuredContent).toEqual({
      result: [
        { name: "growth.churn.xgboost", id: "1" },
        { name: "Default", id: "0" },
      ],
    });
    expect(call("get_run", { run_id: RUN_IDS.fraudV2 }).content).toEqual([
      expect.objectContaining({ text: expect.stringContaining('"lifecycle_stage": "deleted"') }),
    ]);
    expect(call("set_run_tag", { run_id: RUN_IDS.fraudV2, key: "k", value: "v" }).isError).toBe(true);
  });

  it("rejects reserved alias names and invalid stages like MLflow", () => {
    const { call } = fresh();
    expect(call("set_model_alias", { name: "fraud-detector", alias: "latest", version: "1" }).isError).toBe(
      true,
    );
    expect(
      call("transition_model_version_stage", { name: "fraud-detector", version: "1", stage: "Live" }),
    ).toMatchObject({
      isError: true,
      content: [{ text: expect.stringContaining("Invalid Model Version stage: Live") }],
    });
  });

  it("answers bad arguments with a validation error result, not a protocol error", () => {
    const { call } = fresh();
    expect(call("get_runs", { experiment_id: 1 })).toMatchObject({
      isError: true,
      content: [{ text: expect.stringContaining("1 validation error for get_runsArguments") }],
    });
  });
});
