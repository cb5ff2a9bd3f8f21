import type { Artifact, DatasetInput, MetricPoint, Run, RunStatus, Tags } from "../types";
import { at } from "./seed-ids";

export type RunSpec = {
  runId: string;
  experimentId: string;
  name: string;
  user: string;
  start: string;
  durationMinutes: number | null;
  status?: RunStatus;
  parentRunId?: string;
  params?: Record<string, string>;
  /** A single value is logged once at step 0; a list is a per-step history. */
  metrics?: Record<string, number | number[]>;
  tags?: Tags;
  inputs?: DatasetInput[];
  artifacts?: Artifact[];
};

const MINUTE_MS = 60_000;

/** Expands a compact spec into a run with MLflow's system tags and metric histories. */
export function buildRun(spec: RunSpec): Run {
  const startTime = at(spec.start);
  const endTime = spec.durationMinutes === null ? null : startTime + spec.durationMinutes * MINUTE_MS;
  const systemTags: Tags = {
    "mlflow.runName": spec.name,
    "mlflow.user": spec.user,
    "mlflow.source.type": "LOCAL",
    "mlflow.source.name": "train.py",
    "mlflow.source.git.commit": "4f1c2ab9d03e7f5a6b8c9d0e1f2a3b4c5d6e7f80",
  };
  if (spec.parentRunId) systemTags["mlflow.parentRunId"] = spec.parentRunId;
  return {
    runId: spec.runId,
    experimentId: spec.experimentId,
    status: spec.status ?? "FINISHED",
    startTime,
    endTime,
    artifactUri: `mlflow-artifacts:/${spec.experimentId}/${spec.runId}/artifacts`,
    lifecycleStage: "active",
    params: { ...spec.params },
    tags: { ...systemTags, ...spec.tags },
    metricHistory: expandMetrics(spec.metrics ?? {}, endTime ?? startTime),
    inputs: spec.inputs ?? [],
    artifacts: spec.artifacts ?? [],
  };
}

function expandMetrics(metrics: Record<string, number | number[]>, loggedAt: number) {
  const history: Record<string, MetricPoint[]> = {};
  for (const [key, value] of Object.entries(metrics)) {
    const values = Array.isArray(value) ? value : [value];
    history[key] = values.map((point, step) => ({
      step,
      timestamp: loggedAt - (values.length - 1 - step) * MINUTE_MS,
      value: point,
    }));
  }
  return history;
}
