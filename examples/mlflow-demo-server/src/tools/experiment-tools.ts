import { z } from "zod";
import { MlflowError } from "../store/mlflow-error";
import { deleteExperiment, searchExperiments, searchRuns, setExperimentTag } from "../store/tracking-ops";
import type { MlflowState, Run } from "../store/types";
import { defineTool } from "./define-tool";

/** The real server looks at up to 1000 runs when collecting names across an experiment. */
const RUNS_SCANNED = 1000;

function namesAcrossRuns(state: MlflowState, experimentId: string, pick: (run: Run) => object): string[] {
  const runs = searchRuns(state, { experimentIds: [experimentId], maxResults: RUNS_SCANNED });
  return [...new Set(runs.flatMap((run) => Object.keys(pick(run))))].sort();
}

const experimentIdArgs = z.object({ experiment_id: z.string() });
const tagArgs = z.object({ experiment_id: z.string(), key: z.string(), value: z.string() });

export const experimentTools = [
  defineTool("get_experiments", z.object({}), (_args, { state }) =>
    searchExperiments(state, { maxResults: RUNS_SCANNED }).map((experiment) => ({
      name: experiment.name,
      id: experiment.experimentId,
    })),
  ),

  defineTool(
    "search_experiments",
    z.object({
      filter_string: z.string().nullish(),
      order_by: z.array(z.string()).nullish(),
      max_results: z.number().int().default(100),
    }),
    (args, { state }) =>
      searchExperiments(state, {
        filter: args.filter_string,
        orderBy: args.order_by,
        maxResults: args.max_results,
      }).map((experiment) => ({
        experiment_id: experiment.experimentId,
        name: experiment.name,
        artifact_location: experiment.artifactLocation,
        lifecycle_stage: experiment.lifecycleStage,
        creation_time: experiment.creationTime,
        last_update_time: experiment.lastUpdateTime,
        tags: experiment.tags,
      })),
  ),

  defineTool("get_experiment_by_name", z.object({ name: z.string() }), ({ name }, { state }) => {
    const experiment = [...state.experiments.values()].find((candidate) => candidate.name === name);
    if (!experiment) throw new MlflowError("VALUE_ERROR", `Experiment with name '${name}' not found`);
    return {
      experiment_id: experiment.experimentId,
      name: experiment.name,
      artifact_location: experiment.artifactLocation,
      lifecycle_stage: experiment.lifecycleStage,
      tags: experiment.tags,
    };
  }),

  defineTool("get_experiment_metrics", experimentIdArgs, ({ experiment_id }, { state }) =>
    namesAcrossRuns(state, experiment_id, (run) => run.metricHistory),
  ),

  defineTool("get_experiment_params", experimentIdArgs, ({ experiment_id }, { state }) =>
    namesAcrossRuns(state, experiment_id, (run) => run.params),
  ),

  defineTool("get_experiment_tags", experimentIdArgs, ({ experiment_id }, { state }) =>
    namesAcrossRuns(state, experiment_id, (run) => run.tags),
  ),

  defineTool("set_experiment_tag", tagArgs, ({ experiment_id, key, value }, { state }) => {
    setExperimentTag(state, experiment_id, key, value);
    return { success: true, experiment_id, key, value };
  }),

  defineTool("delete_experiment", experimentIdArgs, ({ experiment_id }, { state }) => {
    deleteExperiment(state, experiment_id);
    return { success: true, experiment_id };
  }),
];
