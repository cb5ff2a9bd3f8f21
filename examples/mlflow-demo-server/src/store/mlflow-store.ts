import { MlflowError } from "./mlflow-error";
import { seedLoggedModels } from "./seed/seed-logged-models";
import { seedRegistry } from "./seed/seed-registry";
import { seedTracking } from "./seed/seed-tracking";
import type { Experiment, LoggedModel, MlflowState, ModelVersion, RegisteredModel, Run } from "./types";

/** Creates an in-memory tracking server state holding the demo dataset; `now` is the clock for writes. */
export function createMlflowState({ now = Date.now }: { now?: () => number } = {}): MlflowState {
  const state: MlflowState = {
    experiments: new Map(),
    runs: new Map(),
    loggedModels: new Map(),
    registeredModels: new Map(),
    now,
  };
  seedTracking(state);
  seedLoggedModels(state);
  seedRegistry(state);
  return state;
}

/** Looks an experiment up by id, deleted ones included (MLflow's get_experiment does the same). */
export function getExperiment(state: MlflowState, experimentId: string): Experiment {
  const experiment = state.experiments.get(experimentId);
  if (!experiment)
    throw new MlflowError("RESOURCE_DOES_NOT_EXIST", `No Experiment with id=${experimentId} exists`);
  return experiment;
}

/** Looks a run up by id, deleted ones included. */
export function getRun(state: MlflowState, runId: string): Run {
  const run = state.runs.get(runId);
  if (!run) throw new MlflowError("RESOURCE_DOES_NOT_EXIST", `Run with id=${runId} not found`);
  return run;
}

/** Looks a registered model up by its exact name. */
export function getRegisteredModel(state: MlflowState, name: string): RegisteredModel {
  const model = state.registeredModels.get(name);
  if (!model)
    throw new MlflowError("RESOURCE_DOES_NOT_EXIST", `Registered Model with name=${name} not found`);
  return model;
}

/** Looks a model version up; `version` is the string form MLflow's API takes. */
export function getModelVersion(state: MlflowState, name: string, version: string): ModelVersion {
  const number = parseVersion(version);
  const found = state.registeredModels.get(name)?.versions.find((candidate) => candidate.version === number);
  if (!found) {
    throw new MlflowError(
      "RESOURCE_DOES_NOT_EXIST",
      `Model Version (name=${name}, version=${number}) not found`,
    );
  }
  return found;
}

/** Looks a logged model (MLflow 3 `m-…` id) up. */
export function getLoggedModel(state: MlflowState, modelId: string): LoggedModel {
  const model = state.loggedModels.get(modelId);
  if (!model)
    throw new MlflowError("RESOURCE_DOES_NOT_EXIST", `Logged model with ID '${modelId}' not found.`);
  return model;
}

/** Parses a model version number the way MLflow validates it. */
export function parseVersion(version: string): number {
  const trimmed = version.trim();
  if (!/^\d+$/.test(trimmed)) {
    throw new MlflowError(
      "INVALID_PARAMETER_VALUE",
      `Parameter 'version' must be an integer, got '${version}'.`,
    );
  }
  return Number(trimmed);
}

/** A run's latest metric values: per key, the point with the highest step, then the latest timestamp. */
export function latestMetrics(run: Run): Record<string, number> {
  const latest: Record<string, number> = {};
  for (const [key, history] of Object.entries(run.metricHistory)) {
    const last = [...history].sort((a, b) => a.step - b.step || a.timestamp - b.timestamp).at(-1);
    if (last) latest[key] = last.value;
  }
  return latest;
}
