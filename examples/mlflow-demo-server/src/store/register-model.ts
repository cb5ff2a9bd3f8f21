import { hasArtifactsUnder } from "./artifact-ops";
import { MlflowError } from "./mlflow-error";
import { getLoggedModel, getModelVersion, getRun } from "./mlflow-store";
import { createModelVersion } from "./registry-ops";
import type { MlflowState, ModelVersion, Tags } from "./types";

export type RegisterModelInput = { modelUri: string; name: string; tags?: Tags };

/**
 * mlflow.register_model: resolves the URI to a source and run, then creates the next version
 * (and the registered model when it does not exist yet).
 */
export function registerModel(state: MlflowState, input: RegisterModelInput): ModelVersion {
  const { source, runId } = resolveModelUri(state, input.modelUri);
  return createModelVersion(state, { name: input.name, source, runId, tags: input.tags ?? {} });
}

type ResolvedSource = { source: string; runId: string | null };

function resolveModelUri(state: MlflowState, uri: string): ResolvedSource {
  const runsUri = /^runs:\/([^/]+)\/(.+)$/.exec(uri);
  if (runsUri) return resolveRunsUri(state, runsUri[1] ?? "", runsUri[2] ?? "");
  const versionUri = /^models:\/([^/@]+)\/(\d+)$/.exec(uri);
  if (versionUri) {
    const version = getModelVersion(state, versionUri[1] ?? "", versionUri[2] ?? "");
    return { source: version.source, runId: version.runId };
  }
  const loggedModelUri = /^models:\/(m-[0-9a-f]+)$/.exec(uri);
  if (loggedModelUri) {
    const model = getLoggedModel(state, loggedModelUri[1] ?? "");
    return { source: uri, runId: model.sourceRunId };
  }
  if (/^(s3|gs|wasbs|abfss|file|mlflow-artifacts|dbfs|hdfs|https?):/.test(uri))
    return { source: uri, runId: null };
  throw new MlflowError("INVALID_PARAMETER_VALUE", `Unsupported model URI '${uri}'.`);
}

/**
 * A runs:/ URI points either at a directory of the run's artifacts or, in MLflow 3, at a logged
 * model of that name created by the run.
 */
function resolveRunsUri(state: MlflowState, runId: string, artifactPath: string): ResolvedSource {
  const run = getRun(state, runId);
  if (hasArtifactsUnder(run, artifactPath)) return { source: `${run.artifactUri}/${artifactPath}`, runId };
  const logged = [...state.loggedModels.values()].find(
    (model) => model.sourceRunId === runId && model.name === artifactPath,
  );
  if (logged) return { source: `models:/${logged.modelId}`, runId };
  throw new MlflowError(
    "RESOURCE_DOES_NOT_EXIST",
    `Unable to find a logged_model with artifact_path ${artifactPath} under run ${runId}`,
  );
}
