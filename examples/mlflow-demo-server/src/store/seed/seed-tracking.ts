import type { DatasetInput, Experiment, MlflowState } from "../types";
import { buildRun } from "./build-run";
import { configArtifact, confusionMatrixArtifact, modelArtifacts } from "./seed-artifacts";
import { at, EXPERIMENT_IDS, RUN_IDS } from "./seed-ids";

const CHURN_TEST: DatasetInput = {
  name: "churn-2025-08-test",
  digest: "9f8e7d6c",
  sourceType: "delta",
  tags: { "mlflow.data.context": "test" },
};
const FRAUD_VALIDATION: DatasetInput = {
  name: "transactions-2025-09-val",
  digest: "a1b2c3d4",
  sourceType: "s3",
  tags: { "mlflow.data.context": "validation" },
};

function experiment(id: string, name: string, created: string, tags: Experiment["tags"]): Experiment {
  const time = at(created);
  return {
    experimentId: id,
    name,
    artifactLocation: `mlflow-artifacts:/${id}`,
    lifecycleStage: "active",
    creationTime: time,
    lastUpdateTime: time,
    tags,
  };
}

/** Seeds three experiments: Default, a churn model with a nested tuning sweep, and a fraud model. */
export function seedTracking(state: MlflowState): void {
  for (const item of [
    experiment(EXPERIMENT_IDS.default, "Default", "2025-08-28T08:00:00Z", {}),
    experiment(EXPERIMENT_IDS.churn, "growth.churn.xgboost", "2025-09-01T09:00:00Z", {
      team: "growth-ml",
      project: "churn",
      "mlflow.note.content": "Weekly 30-day churn model for the subscriptions team.",
    }),
    experiment(EXPERIMENT_IDS.fraud, "risk.fraud.lightgbm", "2025-09-08T13:30:00Z", {
      team: "risk-ml",
      project: "fraud",
    }),
  ]) {
    state.experiments.set(item.experimentId, item);
  }
  const churn = { experimentId: EXPERIMENT_IDS.churn, user: "dana" };
  const fraud = { experimentId: EXPERIMENT_IDS.fraud, user: "sami" };
  const runs = [
    buildRun({
      ...churn,
      runId: RUN_IDS.churnBaseline,
      name: "logreg-baseline",
      start: "2025-09-02T10:00:00Z",
      durationMinutes: 4,
      params: { model_type: "logistic_regression", C: "1.0", penalty: "l2", seed: "42" },
      metrics: { "test/auc": 0.812, "test/f1": 0.604, "val/loss": [0.521, 0.497, 0.488] },
      tags: { model_type: "baseline", dataset_version: "2025-08" },
      inputs: [CHURN_TEST],
      artifacts: [
        ...modelArtifacts("sklearn", "1.5.2", RUN_IDS.churnBaseline),
        confusionMatrixArtifact([
          [8120, 412],
          [903, 565],
        ]),
      ],
    }),
    buildRun({
      ...churn,
      runId: RUN_IDS.churnSweep,
      name: "xgb-hpo-sweep",
      start: "2025-09-03T14:00:00Z",
      durationMinutes: 38,
      params: { search: "optuna", n_trials: "2" },
      metrics: { "best/test_auc": 0.874 },
      tags: { model_type: "xgboost", dataset_version: "2025-08" },
    }),
    buildRun({
      ...churn,
      runId: RUN_IDS.churnTrial1,
      name: "xgb-trial-1",
      parentRunId: RUN_IDS.churnSweep,
      start: "2025-09-03T14:01:00Z",
      durationMinutes: 17,
      params: { max_depth: "4", learning_rate: "0.1", n_estimators: "300", seed: "42" },
      metrics: { "test/auc": 0.861, "test/f1": 0.662, "val/loss": [0.47, 0.431, 0.415, 0.409] },
      tags: { model_type: "xgboost", dataset_version: "2025-08" },
      inputs: [CHURN_TEST],
      artifacts: [
        ...modelArtifacts("xgboost", "2.1.1", RUN_IDS.churnTrial1),
        configArtifact({ max_depth: 4, learning_rate: 0.1, n_estimators: 300 }),
      ],
    }),
    buildRun({
      ...churn,
      runId: RUN_IDS.churnTrial2,
      name: "xgb-trial-2",
      parentRunId: RUN_IDS.churnSweep,
      start: "2025-09-03T14:19:00Z",
      durationMinutes: 19,
      params: { max_depth: "6", learning_rate: "0.05", n_estimators: "600", seed: "42" },
      metrics: { "test/auc": 0.874, "test/f1": 0.688, "val/loss": [0.462, 0.418, 0.397, 0.391, 0.389] },
      tags: { model_type: "xgboost", dataset_version: "2025-08", best_model: "true" },
      inputs: [CHURN_TEST],
      artifacts: [
        ...modelArtifacts("xgboost", "2.1.1", RUN_IDS.churnTrial2),
        configArtifact({ max_depth: 6, learning_rate: 0.05, n_estimators: 600 }),
        confusionMatrixArtifact([
          [8301, 231],
          [702, 766],
        ]),
      ],
    }),
    buildRun({
      ...fraud,
      runId: RUN_IDS.fraudV1,
      name: "lgbm-v1",
      start: "2025-09-09T09:15:00Z",
      durationMinutes: 26,
      params: { num_leaves: "31", learning_rate: "0.05", scale_pos_weight: "20" },
      metrics: { "val/pr_auc": 0.712, "test/recall": 0.641, "test/precision": 0.83 },
      tags: {
        model_type: "lightgbm",
        "mlflow.note.content": "First model trained on the new feature store.",
      },
      inputs: [FRAUD_VALIDATION],
      artifacts: modelArtifacts("lightgbm", "4.5.0", RUN_IDS.fraudV1),
    }),
    buildRun({
      ...fraud,
      runId: RUN_IDS.fraudV2,
      name: "lgbm-v2",
      start: "2025-09-15T16:40:00Z",
      durationMinutes: 31,
      params: { num_leaves: "63", learning_rate: "0.03", scale_pos_weight: "25" },
      metrics: { "val/pr_auc": 0.763, "test/recall": 0.702, "test/precision": 0.851 },
      tags: { model_type: "lightgbm" },
      inputs: [FRAUD_VALIDATION],
      artifacts: [
        ...modelArtifacts("lightgbm", "4.5.0", RUN_IDS.fraudV2),
        configArtifact({ num_leaves: 63 }),
      ],
    }),
    buildRun({
      ...fraud,
      runId: RUN_IDS.fraudOom,
      name: "lgbm-v3-wide",
      start: "2025-09-16T08:05:00Z",
      durationMinutes: 3,
      status: "FAILED",
      params: { num_leaves: "255", learning_rate: "0.03", scale_pos_weight: "25" },
      tags: { model_type: "lightgbm", failure: "OOMKilled on 16Gi worker" },
    }),
  ];
  for (const run of runs) state.runs.set(run.runId, run);
}
