import { compileFilter, compileOrderBy, type FieldReader } from "./filter/field-reader";
import { parseFilter } from "./filter/parse-filter";
import { parseOrderBy } from "./filter/parse-order-by";
import { MlflowError } from "./mlflow-error";
import { getExperiment, getRun, latestMetrics } from "./mlflow-store";
import type { Experiment, MlflowState, Run } from "./types";

const EXPERIMENT_FIELDS: FieldReader<Experiment> = {
  kind: "experiment",
  attributes: {
    experiment_id: (experiment) => Number(experiment.experimentId),
    name: (experiment) => experiment.name,
    creation_time: (experiment) => experiment.creationTime,
    last_update_time: (experiment) => experiment.lastUpdateTime,
  },
  tag: (experiment, key) => experiment.tags[key],
};

const RUN_FIELDS: FieldReader<Run> = {
  kind: "run",
  attributes: {
    run_id: (run) => run.runId,
    run_name: (run) => run.tags["mlflow.runName"],
    status: (run) => run.status,
    user_id: (run) => run.tags["mlflow.user"],
    start_time: (run) => run.startTime,
    end_time: (run) => run.endTime,
    artifact_uri: (run) => run.artifactUri,
    lifecycle_stage: (run) => run.lifecycleStage,
  },
  metric: (run, key) => latestMetrics(run)[key],
  param: (run, key) => run.params[key],
  tag: (run, key) => run.tags[key],
};

const DEFAULT_EXPERIMENT_ORDER = ["creation_time DESC", "experiment_id ASC"];
const DEFAULT_RUN_ORDER = ["attributes.start_time DESC"];

export type SearchExperimentsOptions = {
  filter?: string | null;
  orderBy?: string[] | null;
  maxResults: number;
};

/** MLflow's search_experiments over active experiments (default order: newest first). */
export function searchExperiments(state: MlflowState, options: SearchExperimentsOptions): Experiment[] {
  const matches = compileFilter(parseFilter(options.filter), EXPERIMENT_FIELDS);
  const order = compileOrderBy(
    (options.orderBy?.length ? options.orderBy : DEFAULT_EXPERIMENT_ORDER).map(parseOrderBy),
    EXPERIMENT_FIELDS,
    (a, b) => Number(a.experimentId) - Number(b.experimentId),
  );
  return [...state.experiments.values()]
    .filter((experiment) => experiment.lifecycleStage === "active" && matches(experiment))
    .sort(order)
    .slice(0, checkMaxResults(options.maxResults));
}

export type SearchRunsOptions = {
  experimentIds: string[];
  filter?: string | null;
  orderBy?: string[] | null;
  maxResults: number;
};

/** MLflow's search_runs over active runs (default order: latest start first, then run id). */
export function searchRuns(state: MlflowState, options: SearchRunsOptions): Run[] {
  for (const experimentId of options.experimentIds) getExperiment(state, experimentId);
  const matches = compileFilter(parseFilter(options.filter), RUN_FIELDS);
  const order = compileOrderBy(
    (options.orderBy?.length ? options.orderBy : DEFAULT_RUN_ORDER).map(parseOrderBy),
    RUN_FIELDS,
    (a, b) => a.runId.localeCompare(b.runId),
  );
  return [...state.runs.values()]
    .filter((run) => options.experimentIds.includes(run.experimentId))
    .filter((run) => run.lifecycleStage === "active" && matches(run))
    .sort(order)
    .slice(0, checkMaxResults(options.maxResults));
}

/** The run named by the child's `mlflow.parentRunId` tag, or null for a top-level run. */
export function getParentRun(state: MlflowState, runId: string): Run | null {
  const parentRunId = getRun(state, runId).tags["mlflow.parentRunId"];
  return parentRunId ? getRun(state, parentRunId) : null;
}

/** Sets (or overwrites) a tag on an active run. */
export function setRunTag(state: MlflowState, runId: string, key: string, value: string): void {
  const run = getRun(state, runId);
  checkActive(`run ${runId}`, run.lifecycleStage);
  run.tags[key] = value;
}

/** Sets (or overwrites) a tag on an active experiment. */
export function setExperimentTag(state: MlflowState, experimentId: string, key: string, value: string): void {
  const experiment = getExperiment(state, experimentId);
  checkActive(`experiment ${experimentId}`, experiment.lifecycleStage);
  experiment.tags[key] = value;
  experiment.lastUpdateTime = state.now();
}

/** Soft-deletes a run: it moves to the 'deleted' lifecycle stage and drops out of searches. */
export function deleteRun(state: MlflowState, runId: string): void {
  getRun(state, runId).lifecycleStage = "deleted";
}

/** Soft-deletes an experiment and all of its runs. The Default experiment cannot be deleted. */
export function deleteExperiment(state: MlflowState, experimentId: string): void {
  const experiment = getExperiment(state, experimentId);
  if (experimentId === "0") {
    throw new MlflowError("INVALID_PARAMETER_VALUE", "Cannot delete the default experiment '0'.");
  }
  experiment.lifecycleStage = "deleted";
  experiment.lastUpdateTime = state.now();
  for (const run of state.runs.values()) {
    if (run.experimentId === experimentId) run.lifecycleStage = "deleted";
  }
}

function checkActive(what: string, stage: string): void {
  if (stage !== "active") {
    throw new MlflowError(
      "INVALID_STATE",
      `The ${what} must be in the 'active' state. Current state is ${stage}.`,
    );
  }
}

function checkMaxResults(maxResults: number): number {
  if (maxResults < 0 || maxResults > 50_000) {
    throw new MlflowError(
      "INVALID_PARAMETER_VALUE",
      `Invalid value ${maxResults} for parameter 'max_results' supplied. It must be at most 50000.`,
    );
  }
  return maxResults;
}
