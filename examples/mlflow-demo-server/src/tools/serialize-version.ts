import type { ModelVersion, RegisteredModel } from "../store/types";

/** The version fields get_model_versions and get_latest_versions return. */
export function versionSummary(version: ModelVersion) {
  return {
    name: version.name,
    version: String(version.version),
    creation_timestamp: version.creationTimestamp,
    last_updated_timestamp: version.lastUpdatedTimestamp,
    current_stage: version.currentStage,
    description: version.description,
    run_id: version.runId,
    status: version.status,
    tags: version.tags,
  };
}

/** The registered model fields get_registered_models returns. */
export function modelSummary(model: RegisteredModel) {
  return {
    name: model.name,
    creation_timestamp: model.creationTimestamp,
    last_updated_timestamp: model.lastUpdatedTimestamp,
    description: model.description,
    tags: model.tags,
  };
}

/** What register_model and copy_model_version return about the version they created. */
export function createdVersion(version: ModelVersion) {
  return {
    name: version.name,
    version: String(version.version),
    status: version.status,
    source: version.source,
    run_id: version.runId,
  };
}
