import { MlflowError } from "./mlflow-error";
import { getModelVersion, getRegisteredModel } from "./mlflow-store";
import type { MlflowState, ModelVersion } from "./types";

/** Points an alias at a version, moving it if it already pointed elsewhere. */
export function setModelAlias(state: MlflowState, name: string, alias: string, version: string): void {
  checkAliasName(alias);
  const target = getModelVersion(state, name, version);
  const model = getRegisteredModel(state, name);
  model.aliases[alias] = target.version;
  model.lastUpdatedTimestamp = state.now();
}

/** Removes an alias; like MLflow, removing an alias that is not set is not an error. */
export function deleteModelAlias(state: MlflowState, name: string, alias: string): void {
  const model = getRegisteredModel(state, name);
  delete model.aliases[alias];
  model.lastUpdatedTimestamp = state.now();
}

/** The version an alias points at. */
export function getVersionByAlias(state: MlflowState, name: string, alias: string): ModelVersion {
  const model = getRegisteredModel(state, name);
  const version = model.aliases[alias];
  if (version === undefined) {
    throw new MlflowError("RESOURCE_DOES_NOT_EXIST", `Registered model alias ${alias} not found.`);
  }
  return getModelVersion(state, name, String(version));
}

/** MLflow reserves `latest` and `v<number>` because `models:/name@alias` URIs would be ambiguous. */
function checkAliasName(alias: string): void {
  if (!/^[\w-]+$/.test(alias)) {
    throw new MlflowError(
      "INVALID_PARAMETER_VALUE",
      `Invalid alias name: '${alias}'. Names may only contain alphanumerics, underscores (_) and dashes (-).`,
    );
  }
  if (alias.toLowerCase() === "latest" || /^v\d+$/i.test(alias)) {
    throw new MlflowError(
      "INVALID_PARAMETER_VALUE",
      `Invalid alias name: '${alias}'. Alias name cannot be 'latest' or of the form 'v<number>' (case insensitive).`,
    );
  }
}
