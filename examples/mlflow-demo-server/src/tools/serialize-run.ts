import { latestMetrics } from "../store/mlflow-store";
import type { Run } from "../store/types";

/** The run fields get_runs and get_parent_run return. */
export function runSummary(run: Run) {
  return {
    run_id: run.runId,
    experiment_id: run.experimentId,
    status: run.status,
    start_time: run.startTime,
    end_time: run.endTime,
    metrics: latestMetrics(run),
    params: run.params,
    tags: run.tags,
  };
}

/** Everything get_run returns, including lifecycle stage and dataset inputs. */
export function runDetail(run: Run) {
  return {
    run_id: run.runId,
    experiment_id: run.experimentId,
    status: run.status,
    start_time: run.startTime,
    end_time: run.endTime,
    artifact_uri: run.artifactUri,
    lifecycle_stage: run.lifecycleStage,
    metrics: latestMetrics(run),
    params: run.params,
    tags: run.tags,
    inputs: run.inputs.map((input) => ({
      name: input.name,
      digest: input.digest,
      source_type: input.sourceType,
      tags: input.tags,
    })),
  };
}

/** The compact shape of query results: no times, and tags only when `withTags`. */
export function runResult(run: Run, { withTags }: { withTags: boolean }) {
  const result = {
    run_id: run.runId,
    experiment_id: run.experimentId,
    status: run.status,
    metrics: latestMetrics(run),
    params: run.params,
  };
  return withTags ? { ...result, tags: run.tags } : result;
}
