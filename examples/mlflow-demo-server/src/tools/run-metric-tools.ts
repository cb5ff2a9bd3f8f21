import { z } from "zod";
import { MlflowError } from "../store/mlflow-error";
import { getRun, latestMetrics } from "../store/mlflow-store";
import { searchRuns } from "../store/tracking-ops";
import { defineTool } from "./define-tool";

export const runMetricTools = [
  defineTool("get_run_metrics", z.object({ run_id: z.string() }), ({ run_id }, { state }) =>
    latestMetrics(getRun(state, run_id)),
  ),

  defineTool(
    "get_run_metric",
    z.object({ run_id: z.string(), metric_name: z.string() }),
    ({ run_id, metric_name }, { state }) =>
      (getRun(state, run_id).metricHistory[metric_name] ?? []).map((point) => ({
        step: point.step,
        timestamp: point.timestamp,
        value: point.value,
      })),
  ),

  defineTool(
    "get_best_run",
    z.object({ experiment_id: z.string(), metric: z.string(), ascending: z.boolean().default(false) }),
    ({ experiment_id, metric, ascending }, { state }) => {
      // Runs without the metric sort last, so (as in MLflow) they only win when no run has it.
      const [best] = searchRuns(state, {
        experimentIds: [experiment_id],
        orderBy: [`metrics.\`${metric}\` ${ascending ? "ASC" : "DESC"}`],
        maxResults: 1,
      });
      if (!best) {
        throw new MlflowError(
          "VALUE_ERROR",
          `No runs found in experiment ${experiment_id} with metric ${metric}`,
        );
      }
      const metrics = latestMetrics(best);
      return {
        run_id: best.runId,
        experiment_id: best.experimentId,
        status: best.status,
        metrics,
        params: best.params,
        tags: best.tags,
        best_metric_value: metrics[metric] ?? null,
      };
    },
  ),

  defineTool(
    "compare_runs",
    z.object({ experiment_id: z.string(), run_ids: z.array(z.string()) }),
    ({ run_ids }, { state }) => {
      const runs = run_ids.map((runId) => getRun(state, runId));
      const union = (pick: (index: number) => object) =>
        [...new Set(runs.flatMap((_run, index) => Object.keys(pick(index))))].sort();
      const metrics = runs.map(latestMetrics);
      return {
        runs: runs.map((run, index) => ({
          run_id: run.runId,
          status: run.status,
          start_time: run.startTime,
          metrics: metrics[index],
          params: run.params,
        })),
        all_metrics: union((index) => metrics[index] ?? {}),
        all_params: union((index) => runs[index]?.params ?? {}),
      };
    },
  ),
];
