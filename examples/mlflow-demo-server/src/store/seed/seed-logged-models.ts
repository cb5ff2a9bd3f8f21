import type { LoggedModel, MlflowState } from "../types";
import { at, EXPERIMENT_IDS, LOGGED_MODEL_IDS, RUN_IDS } from "./seed-ids";

type LoggedModelSpec = {
  modelId: string;
  experimentId: string;
  runId: string;
  modelType: string;
  created: string;
  dataset: { name: string; digest: string };
  metrics: Record<string, number>;
  params: Record<string, string>;
};

function loggedModel(spec: LoggedModelSpec): LoggedModel {
  const time = at(spec.created);
  return {
    modelId: spec.modelId,
    experimentId: spec.experimentId,
    name: "model",
    artifactLocation: `mlflow-artifacts:/${spec.experimentId}/models/${spec.modelId}/artifacts`,
    creationTimestamp: time,
    lastUpdatedTimestamp: time,
    modelType: spec.modelType,
    sourceRunId: spec.runId,
    status: "READY",
    statusMessage: null,
    tags: { framework: spec.modelType },
    params: spec.params,
    metrics: Object.entries(spec.metrics).map(([key, value]) => ({
      key,
      value,
      timestamp: time,
      step: 0,
      datasetName: spec.dataset.name,
      datasetDigest: spec.dataset.digest,
    })),
  };
}

const CHURN_TEST = { name: "churn-2025-08-test", digest: "9f8e7d6c" };
const FRAUD_VALIDATION = { name: "transactions-2025-09-val", digest: "a1b2c3d4" };

/** Seeds MLflow 3 logged models (the `m-…` ids) created by the churn and fraud training runs. */
export function seedLoggedModels(state: MlflowState): void {
  const churn = { experimentId: EXPERIMENT_IDS.churn, modelType: "xgboost", dataset: CHURN_TEST };
  const fraud = { experimentId: EXPERIMENT_IDS.fraud, modelType: "lightgbm", dataset: FRAUD_VALIDATION };
  for (const model of [
    loggedModel({
      ...churn,
      modelId: LOGGED_MODEL_IDS.churnTrial1,
      runId: RUN_IDS.churnTrial1,
      created: "2025-09-03T14:18:00Z",
      metrics: { "test/auc": 0.861, "test/f1": 0.662 },
      params: { max_depth: "4", learning_rate: "0.1" },
    }),
    loggedModel({
      ...churn,
      modelId: LOGGED_MODEL_IDS.churnTrial2,
      runId: RUN_IDS.churnTrial2,
      created: "2025-09-03T14:38:00Z",
      metrics: { "test/auc": 0.874, "test/f1": 0.688 },
      params: { max_depth: "6", learning_rate: "0.05" },
    }),
    loggedModel({
      ...fraud,
      modelId: LOGGED_MODEL_IDS.fraudV1,
      runId: RUN_IDS.fraudV1,
      created: "2025-09-09T09:41:00Z",
      metrics: { "val/pr_auc": 0.712, "test/recall": 0.641 },
      params: { num_leaves: "31" },
    }),
    loggedModel({
      ...fraud,
      modelId: LOGGED_MODEL_IDS.fraudV2,
      runId: RUN_IDS.fraudV2,
      created: "2025-09-15T17:11:00Z",
      metrics: { "val/pr_auc": 0.763, "test/recall": 0.702 },
      params: { num_leaves: "63" },
    }),
  ]) {
    state.loggedModels.set(model.modelId, model);
  }
}
