import { AjvJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/ajv";
import { describe, expect, it } from "vitest";
import { callTool } from "../src/call-tool";
import { createMlflowState } from "../src/store/mlflow-store";
import { LOGGED_MODEL_IDS, RUN_IDS } from "../src/store/seed/seed-ids";
import { loadToolDefinitions } from "../src/tool-definitions";
import { TOOL_HANDLERS } from "../src/tools/all-tools";

const definitions = loadToolDefinitions();
const byName = new Map(definitions.map((tool) => [tool.name, tool]));
const validator = new AjvJsonSchemaValidator();
const run = RUN_IDS.churnTrial2;

/** One valid call per tool against the seeded store; every tool must appear here. */
const SAMPLE_CALLS: Record<string, Record<string, unknown>> = {
  get_experiments: {},
  search_experiments: { filter_string: "tags.team = 'growth-ml'", order_by: ["last_update_time DESC"] },
  get_experiment_by_name: { name: "risk.fraud.lightgbm" },
  get_experiment_metrics: { experiment_id: "1" },
  get_experiment_params: { experiment_id: "1" },
  get_experiment_tags: { experiment_id: "2" },
  get_runs: { experiment_id: "1", limit: 2, order_by: ["metrics.`test/auc` DESC"] },
  get_run: { run_id: run },
  get_parent_run: { run_id: run },
  query_runs: {
    experiment_id: "2",
    query: "metrics.`val/pr_auc` > 0.7",
    order_by: ["params.num_leaves ASC"],
  },
  get_run_artifacts: { run_id: run, path: "model" },
  get_run_artifact: { run_id: run, artifact_path: "model/MLmodel" },
  get_run_metrics: { run_id: run },
  get_run_metric: { run_id: run, metric_name: "val/loss" },
  get_best_run: { experiment_id: "1", metric: "test/auc" },
  compare_runs: { experiment_id: "1", run_ids: [RUN_IDS.churnTrial1, run] },
  get_registered_models: {},
  get_model_versions: { model_name: "churn-classifier" },
  get_model_version: { model_name: "churn-classifier", version: "3" },
  get_registered_model: { name: "churn-classifier" },
  get_model_version_by_alias: { name: "churn-classifier", alias: "champion" },
  get_latest_versions: { name: "churn-classifier", stages: ["Production", "staging"] },
  search_runs_by_tags: { experiment_id: "1", tags: { model_type: "xgboost" }, limit: 5 },
  get_artifact_content: { run_id: run, artifact_path: "eval/confusion_matrix.json" },
  search_logged_models: {
    experiment_ids: ["1", "2"],
    filter_string: "metrics.`test/auc` > 0.8",
    order_by: [{ field_name: "metrics.`test/auc`", ascending: false }],
  },
  get_logged_model: { model_id: LOGGED_MODEL_IDS.fraudV2 },
  register_model: { model_name: "fraud-detector", model_uri: `models:/${LOGGED_MODEL_IDS.fraudV2}` },
  set_registered_model_tag: { name: "fraud-detector", key: "framework", value: "lightgbm" },
  set_model_alias: { name: "fraud-detector", alias: "champion", version: "2" },
  set_run_tag: { run_id: run, key: "reviewed_by", value: "dana" },
  set_experiment_tag: { experiment_id: "1", key: "status", value: "active" },
  update_model_version: { name: "fraud-detector", version: "2", description: "Wider trees." },
  transition_model_version_stage: {
    name: "fraud-detector",
    version: "2",
    stage: "Production",
    archive_existing: true,
  },
  copy_model_version: {
    src_model_name: "fraud-detector",
    src_version: "2",
    dst_model_name: "fraud-detector-prod",
  },
  delete_model_alias: { name: "fraud-detector", alias: "candidate" },
  delete_model_version: { name: "churn-classifier", version: "1" },
  delete_registered_model: { name: "fraud-detector-legacy" },
  delete_run: { run_id: RUN_IDS.fraudOom },
  delete_experiment: { experiment_id: "2" },
  health: {},
};

describe("every tool, called in-process against the seeded store", () => {
  it("has a handler for each of the 40 definitions and no others", () => {
    expect([...TOOL_HANDLERS.keys()].sort()).toEqual(definitions.map((tool) => tool.name).sort());
    expect(Object.keys(SAMPLE_CALLS).sort()).toEqual(definitions.map((tool) => tool.name).sort());
  });

  // One store for the whole table, in declaration order, so the writes near the end run last.
  const context = { state: createMlflowState(), trackingUri: "memory://test" };
  it.each(Object.entries(SAMPLE_CALLS))("%s succeeds and matches its outputSchema", (name, args) => {
    const result = callTool(byName, { name, arguments: args }, context);
    expect(result.isError, JSON.stringify(result.content)).toBe(false);
    const outputSchema = byName.get(name)?.outputSchema;
    if (outputSchema) {
      const verdict = validator.getValidator(outputSchema)(result.structuredContent);
      expect(verdict.errorMessage).toBeUndefined();
      expect(verdict.valid).toBe(true);
    } else {
      expect(result.structuredContent).toBeUndefined();
      expect(result.content).toHaveLength(1);
    }
  });
});
