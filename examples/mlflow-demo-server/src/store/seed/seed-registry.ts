import type { MlflowState, ModelStage, ModelVersion, RegisteredModel, Tags } from "../types";
import { at, LOGGED_MODEL_IDS, RUN_IDS } from "./seed-ids";

type VersionSpec = {
  runId: string | null;
  source: string;
  stage: ModelStage;
  created: string;
  description?: string;
  tags?: Tags;
};

function registeredModel(
  name: string,
  description: string,
  tags: Tags,
  specs: VersionSpec[],
): RegisteredModel {
  const versions: ModelVersion[] = specs.map((spec, index) => ({
    name,
    version: index + 1,
    creationTimestamp: at(spec.created),
    lastUpdatedTimestamp: at(spec.created),
    currentStage: spec.stage,
    description: spec.description ?? "",
    source: spec.source,
    runId: spec.runId,
    status: "READY",
    tags: spec.tags ?? {},
  }));
  const created = versions[0]?.creationTimestamp ?? 0;
  const updated = versions.at(-1)?.lastUpdatedTimestamp ?? created;
  return {
    name,
    creationTimestamp: created,
    lastUpdatedTimestamp: updated,
    description,
    tags,
    aliases: {},
    versions,
    lastVersion: versions.length,
  };
}

/** Seeds three registered models with stages, aliases and tags, backed by the seeded runs and logged models. */
export function seedRegistry(state: MlflowState): void {
  const churnModel = registeredModel(
    "churn-classifier",
    "Predicts 30-day subscription churn from billing and usage features.",
    { problem_type: "binary_classification", team: "growth-ml", framework: "xgboost" },
    [
      {
        runId: RUN_IDS.churnBaseline,
        source: `mlflow-artifacts:/1/${RUN_IDS.churnBaseline}/artifacts/model`,
        stage: "Archived",
        created: "2025-09-02T10:06:00Z",
        description: "Logistic regression baseline.",
      },
      {
        runId: RUN_IDS.churnTrial1,
        source: `models:/${LOGGED_MODEL_IDS.churnTrial1}`,
        stage: "Staging",
        created: "2025-09-03T15:00:00Z",
        description: "XGBoost depth 4.",
      },
      {
        runId: RUN_IDS.churnTrial2,
        source: `models:/${LOGGED_MODEL_IDS.churnTrial2}`,
        stage: "Production",
        created: "2025-09-03T15:02:00Z",
        description: "XGBoost depth 6; best test AUC.",
        tags: { validation_status: "approved", selection_metric: "test/auc" },
      },
    ],
  );
  churnModel.aliases = { champion: 3, challenger: 2 };

  const fraudModel = registeredModel(
    "fraud-detector",
    "Scores card transactions for fraud risk in real time.",
    { problem_type: "binary_classification", team: "risk-ml", framework: "lightgbm" },
    [
      {
        runId: RUN_IDS.fraudV1,
        source: `models:/${LOGGED_MODEL_IDS.fraudV1}`,
        stage: "Production",
        created: "2025-09-09T10:00:00Z",
      },
      {
        runId: RUN_IDS.fraudV2,
        source: `models:/${LOGGED_MODEL_IDS.fraudV2}`,
        stage: "None",
        created: "2025-09-15T17:30:00Z",
        tags: { validation_status: "pending" },
      },
    ],
  );
  fraudModel.aliases = { champion: 1, candidate: 2 };

  // Imported from an older platform, so its only version has a source but no MLflow run.
  const legacyModel = registeredModel(
    "fraud-detector-legacy",
    "Rules + GBM hybrid imported from the 2023 platform; kept for audit.",
    { team: "risk-ml", imported_from: "sagemaker" },
    [
      {
        runId: null,
        source: "s3://ml-legacy/fraud/gbm-2023/model",
        stage: "Archived",
        created: "2025-08-29T12:00:00Z",
      },
    ],
  );

  for (const model of [churnModel, fraudModel, legacyModel]) state.registeredModels.set(model.name, model);
}
