import { compileFilter, compileOrderBy, type FieldReader } from "./filter/field-reader";
import { parseFilter } from "./filter/parse-filter";
import type { OrderBy } from "./filter/parse-order-by";
import { readIdentifier, Scanner } from "./filter/scanner";
import { MlflowError } from "./mlflow-error";
import { getExperiment } from "./mlflow-store";
import type { LoggedModel, MlflowState } from "./types";

export type DatasetFilter = { name: string; digest?: string };
export type LoggedModelOrder = { fieldName: string; isAscending: boolean };
export type SearchLoggedModelsOptions = {
  experimentIds: string[];
  filter?: string | null;
  maxResults: number;
  datasets?: DatasetFilter[] | null;
  orderBy?: LoggedModelOrder[] | null;
};

/** MLflow 3's search_logged_models: AND-only filters, optional dataset scoping, newest first by default. */
export function searchLoggedModels(state: MlflowState, options: SearchLoggedModelsOptions): LoggedModel[] {
  if (options.experimentIds.length === 0) {
    throw new MlflowError("INVALID_PARAMETER_VALUE", "At least one experiment ID must be provided.");
  }
  for (const experimentId of options.experimentIds) getExperiment(state, experimentId);
  const datasets = options.datasets ?? [];
  const fields = loggedModelFields(datasets);
  const matches = compileFilter(parseFilter(options.filter), fields);
  const orderBys = options.orderBy?.length
    ? options.orderBy.map(toOrderBy)
    : [{ entity: "attribute" as const, key: "creation_timestamp", isAscending: false }];
  const order = compileOrderBy(orderBys, fields, (a, b) => a.modelId.localeCompare(b.modelId));
  return [...state.loggedModels.values()]
    .filter((model) => options.experimentIds.includes(model.experimentId))
    .filter(
      (model) => datasets.length === 0 || model.metrics.some((metric) => isOnDatasets(metric, datasets)),
    )
    .filter(matches)
    .sort(order)
    .slice(0, Math.max(0, options.maxResults));
}

function toOrderBy(order: LoggedModelOrder): OrderBy {
  return { ...readIdentifier(new Scanner(order.fieldName)), isAscending: order.isAscending };
}

type DatasetTagged = { datasetName: string | null; datasetDigest: string | null };

function isOnDatasets(metric: DatasetTagged, datasets: DatasetFilter[]): boolean {
  return datasets.some(
    (dataset) =>
      metric.datasetName === dataset.name &&
      (dataset.digest === undefined || metric.datasetDigest === dataset.digest),
  );
}

/** Metric filters only see metrics computed on the requested datasets, when datasets are given. */
function loggedModelFields(datasets: DatasetFilter[]): FieldReader<LoggedModel> {
  return {
    kind: "logged model",
    attributes: {
      model_id: (model) => model.modelId,
      name: (model) => model.name,
      model_type: (model) => model.modelType,
      status: (model) => model.status,
      source_run_id: (model) => model.sourceRunId,
      creation_timestamp: (model) => model.creationTimestamp,
      creation_time: (model) => model.creationTimestamp,
      last_updated_timestamp: (model) => model.lastUpdatedTimestamp,
    },
    metric: (model, key) =>
      model.metrics
        .filter((metric) => metric.key === key && (datasets.length === 0 || isOnDatasets(metric, datasets)))
        .sort((a, b) => a.step - b.step || a.timestamp - b.timestamp)
        .at(-1)?.value,
    param: (model, key) => model.params[key],
    tag: (model, key) => model.tags[key],
  };
}
