/** Entity shapes of the in-memory MLflow store, modelled on MLflow's tracking and registry entities. */

export type Tags = Record<string, string>;
export type LifecycleStage = "active" | "deleted";
export type RunStatus = "RUNNING" | "SCHEDULED" | "FINISHED" | "FAILED" | "KILLED";
export type ModelStage = "None" | "Staging" | "Production" | "Archived";

export type Experiment = {
  experimentId: string;
  name: string;
  artifactLocation: string;
  lifecycleStage: LifecycleStage;
  creationTime: number;
  lastUpdateTime: number;
  tags: Tags;
};

export type MetricPoint = { step: number; timestamp: number; value: number };

export type DatasetInput = { name: string; digest: string; sourceType: string; tags: Tags };

/** A file logged under a run; directories are implied by the paths. */
export type Artifact = { path: string; content: string; isBinary?: boolean };

export type Run = {
  runId: string;
  experimentId: string;
  status: RunStatus;
  startTime: number;
  endTime: number | null;
  artifactUri: string;
  lifecycleStage: LifecycleStage;
  params: Record<string, string>;
  tags: Tags;
  metricHistory: Record<string, MetricPoint[]>;
  inputs: DatasetInput[];
  artifacts: Artifact[];
};

export type LoggedModelMetric = {
  key: string;
  value: number;
  timestamp: number;
  step: number;
  datasetName: string | null;
  datasetDigest: string | null;
};

export type LoggedModel = {
  modelId: string;
  experimentId: string;
  name: string;
  artifactLocation: string;
  creationTimestamp: number;
  lastUpdatedTimestamp: number;
  modelType: string | null;
  sourceRunId: string | null;
  status: "PENDING" | "READY" | "FAILED";
  statusMessage: string | null;
  tags: Tags;
  params: Record<string, string>;
  metrics: LoggedModelMetric[];
};

export type ModelVersion = {
  name: string;
  version: number;
  creationTimestamp: number;
  lastUpdatedTimestamp: number;
  currentStage: ModelStage;
  description: string;
  source: string;
  runId: string | null;
  status: "PENDING_REGISTRATION" | "FAILED_REGISTRATION" | "READY";
  tags: Tags;
};

export type RegisteredModel = {
  name: string;
  creationTimestamp: number;
  lastUpdatedTimestamp: number;
  description: string;
  tags: Tags;
  /** alias → version number */
  aliases: Record<string, number>;
  versions: ModelVersion[];
  /** MLflow never reuses a version number, even after a version is deleted. */
  lastVersion: number;
};

/** The whole tracking server state; one per process (HTTP sessions share it, like one MLflow server). */
export type MlflowState = {
  experiments: Map<string, Experiment>;
  runs: Map<string, Run>;
  loggedModels: Map<string, LoggedModel>;
  registeredModels: Map<string, RegisteredModel>;
  now: () => number;
};
