import { MlflowError } from "./mlflow-error";
import { getModelVersion, getRegisteredModel } from "./mlflow-store";
import type { MlflowState, ModelStage, ModelVersion, RegisteredModel, Tags } from "./types";

export const MODEL_STAGES: readonly ModelStage[] = ["None", "Staging", "Production", "Archived"];

/** All registered models, ordered by name as MLflow's search_registered_models returns them. */
export function listRegisteredModels(state: MlflowState): RegisteredModel[] {
  return [...state.registeredModels.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export type NewModelVersion = {
  name: string;
  source: string;
  runId: string | null;
  tags?: Tags;
  description?: string;
};

/** Creates the next version of a model, creating the registered model first when it does not exist. */
export function createModelVersion(state: MlflowState, input: NewModelVersion): ModelVersion {
  const now = state.now();
  const model = state.registeredModels.get(input.name) ?? createRegisteredModel(state, input.name, now);
  model.lastVersion += 1;
  const version: ModelVersion = {
    name: model.name,
    version: model.lastVersion,
    creationTimestamp: now,
    lastUpdatedTimestamp: now,
    currentStage: "None",
    description: input.description ?? "",
    source: input.source,
    runId: input.runId,
    status: "READY",
    tags: { ...input.tags },
  };
  model.versions.push(version);
  model.lastUpdatedTimestamp = now;
  return version;
}

function createRegisteredModel(state: MlflowState, name: string, now: number): RegisteredModel {
  if (!name.trim())
    throw new MlflowError("INVALID_PARAMETER_VALUE", "Registered model name cannot be empty.");
  const model: RegisteredModel = {
    name,
    creationTimestamp: now,
    lastUpdatedTimestamp: now,
    description: "",
    tags: {},
    aliases: {},
    versions: [],
    lastVersion: 0,
  };
  state.registeredModels.set(name, model);
  return model;
}

/** MLflow 3 promotion: a new version in `dstName` with the source's run, tags and description. */
export function copyModelVersion(state: MlflowState, srcName: string, srcVersion: string, dstName: string) {
  const source = getModelVersion(state, srcName, srcVersion);
  return createModelVersion(state, {
    name: dstName,
    source: `models:/${source.name}/${source.version}`,
    runId: source.runId,
    tags: source.tags,
    description: source.description,
  });
}

/** The newest version in each stage, in MLflow's stage order (or the order of `stages` when given). */
export function latestVersions(model: RegisteredModel, stages?: string[] | null): ModelVersion[] {
  const wanted = stages?.length ? stages.map(canonicalStage) : MODEL_STAGES;
  return wanted.flatMap((stage) => {
    const inStage = model.versions.filter((version) => version.currentStage === stage);
    const newest = inStage.sort((a, b) => b.version - a.version)[0];
    return newest ? [newest] : [];
  });
}

/** Matches a stage name case-insensitively, as MLflow does, and rejects unknown stages. */
export function canonicalStage(stage: string): ModelStage {
  const found = MODEL_STAGES.find((candidate) => candidate.toLowerCase() === stage.trim().toLowerCase());
  if (!found) {
    throw new MlflowError(
      "INVALID_PARAMETER_VALUE",
      `Invalid Model Version stage: ${stage}. Value must be one of ${MODEL_STAGES.join(", ")}.`,
    );
  }
  return found;
}

export type StageTransition = { name: string; version: string; stage: string; archiveExisting: boolean };

/** Moves a version to a stage; with archiveExisting, other versions in that stage become Archived. */
export function transitionStage(state: MlflowState, transition: StageTransition): ModelVersion {
  const stage = canonicalStage(transition.stage);
  if (transition.archiveExisting && stage !== "Staging" && stage !== "Production") {
    throw new MlflowError(
      "INVALID_PARAMETER_VALUE",
      `Model version transition cannot archive existing model versions because '${stage}' is not an Active stage. Valid stages are Staging, Production`,
    );
  }
  const version = getModelVersion(state, transition.name, transition.version);
  const now = state.now();
  if (transition.archiveExisting) {
    for (const other of getRegisteredModel(state, transition.name).versions) {
      if (other !== version && other.currentStage === stage) {
        other.currentStage = "Archived";
        other.lastUpdatedTimestamp = now;
      }
    }
  }
  version.currentStage = stage;
  version.lastUpdatedTimestamp = now;
  return version;
}

/** Replaces a version's description. */
export function updateDescription(state: MlflowState, name: string, version: string, description: string) {
  const found = getModelVersion(state, name, version);
  found.description = description;
  found.lastUpdatedTimestamp = state.now();
  return found;
}

/** Sets (or overwrites) a tag on a registered model. */
export function setRegisteredModelTag(state: MlflowState, name: string, key: string, value: string): void {
  const model = getRegisteredModel(state, name);
  model.tags[key] = value;
  model.lastUpdatedTimestamp = state.now();
}

/** Deletes one version for good, together with any alias that pointed at it. */
export function deleteModelVersion(state: MlflowState, name: string, version: string): void {
  const found = getModelVersion(state, name, version);
  const model = getRegisteredModel(state, name);
  model.versions = model.versions.filter((candidate) => candidate !== found);
  for (const [alias, target] of Object.entries(model.aliases)) {
    if (target === found.version) delete model.aliases[alias];
  }
  model.lastUpdatedTimestamp = state.now();
}

/** Deletes a registered model with all its versions, aliases and tags. */
export function deleteRegisteredModel(state: MlflowState, name: string): void {
  getRegisteredModel(state, name);
  state.registeredModels.delete(name);
}
