import { z } from "zod";
import { getVersionByAlias } from "../store/alias-ops";
import { MlflowError } from "../store/mlflow-error";
import { getModelVersion, getRegisteredModel, getRun, latestMetrics } from "../store/mlflow-store";
import { latestVersions, listRegisteredModels } from "../store/registry-ops";
import { defineTool } from "./define-tool";
import { modelSummary, versionSummary } from "./serialize-version";

export const registryReadTools = [
  defineTool("get_registered_models", z.object({}), (_args, { state }) =>
    listRegisteredModels(state).map(modelSummary),
  ),

  // A search by name, so an unknown model yields an empty list rather than an error (as in MLflow).
  defineTool("get_model_versions", z.object({ model_name: z.string() }), ({ model_name }, { state }) =>
    [...(state.registeredModels.get(model_name)?.versions ?? [])]
      .sort((a, b) => b.version - a.version)
      .map(versionSummary),
  ),

  defineTool(
    "get_model_version",
    z.object({ model_name: z.string(), version: z.string() }),
    ({ model_name, version }, { state }) => {
      const found = getModelVersion(state, model_name, version);
      if (!found.runId)
        throw new MlflowError("VALUE_ERROR", `Model ${model_name} v${version} has no associated run`);
      const run = getRun(state, found.runId);
      return {
        ...versionSummary(found),
        source: found.source,
        run_metrics: latestMetrics(run),
        run_params: run.params,
      };
    },
  ),

  defineTool("get_registered_model", z.object({ name: z.string() }), ({ name }, { state }) => {
    const model = getRegisteredModel(state, name);
    return {
      ...modelSummary(model),
      aliases: Object.fromEntries(
        Object.entries(model.aliases).map(([alias, version]) => [alias, String(version)]),
      ),
      latest_versions: latestVersions(model).map((version) => ({
        version: String(version.version),
        current_stage: version.currentStage,
        status: version.status,
        run_id: version.runId,
        description: version.description,
      })),
    };
  }),

  defineTool(
    "get_model_version_by_alias",
    z.object({ name: z.string(), alias: z.string() }),
    ({ name, alias }, { state }) => {
      const version = getVersionByAlias(state, name, alias);
      return {
        name: version.name,
        version: String(version.version),
        alias,
        current_stage: version.currentStage,
        status: version.status,
        run_id: version.runId,
        creation_timestamp: version.creationTimestamp,
        last_updated_timestamp: version.lastUpdatedTimestamp,
        description: version.description,
        tags: version.tags,
        source: version.source,
      };
    },
  ),

  defineTool(
    "get_latest_versions",
    z.object({ name: z.string(), stages: z.array(z.string()).nullish() }),
    ({ name, stages }, { state }) => {
      return latestVersions(getRegisteredModel(state, name), stages).map((version) => {
        const summary = versionSummary(version);
        return {
          name: summary.name,
          version: summary.version,
          current_stage: summary.current_stage,
          status: summary.status,
          run_id: summary.run_id,
          creation_timestamp: summary.creation_timestamp,
          last_updated_timestamp: summary.last_updated_timestamp,
          description: summary.description,
          tags: summary.tags,
        };
      });
    },
  ),
];
