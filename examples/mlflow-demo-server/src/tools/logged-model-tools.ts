import { z } from "zod";
import { searchLoggedModels } from "../store/logged-model-ops";
import { getLoggedModel } from "../store/mlflow-store";
import type { LoggedModel } from "../store/types";
import { defineTool } from "./define-tool";

/**
 * LoggedModel.to_dictionary() as the real server's serialize_logged_model returns it:
 * properties in alphabetical order, status as a string and metrics as dictionaries.
 */
function serializeLoggedModel(model: LoggedModel) {
  return {
    artifact_location: model.artifactLocation,
    creation_timestamp: model.creationTimestamp,
    experiment_id: model.experimentId,
    last_updated_timestamp: model.lastUpdatedTimestamp,
    metrics: model.metrics.map((metric) => ({
      key: metric.key,
      value: metric.value,
      timestamp: metric.timestamp,
      step: metric.step,
      dataset_name: metric.datasetName,
      dataset_digest: metric.datasetDigest,
      model_id: model.modelId,
      run_id: model.sourceRunId,
    })),
    model_id: model.modelId,
    model_type: model.modelType,
    model_uri: `models:/${model.modelId}`,
    name: model.name,
    params: model.params,
    source_run_id: model.sourceRunId,
    status: model.status,
    status_message: model.statusMessage,
    tags: model.tags,
  };
}

const datasetSchema = z.looseObject({ name: z.string(), digest: z.string().optional() });
const orderSchema = z.looseObject({ field_name: z.string(), ascending: z.boolean().default(true) });

export const loggedModelTools = [
  defineTool(
    "search_logged_models",
    z.object({
      experiment_ids: z.array(z.string()),
      filter_string: z.string().nullish(),
      max_results: z.number().int().default(5),
      datasets: z.array(datasetSchema).nullish(),
      order_by: z.array(orderSchema).nullish(),
    }),
    (args, { state }) =>
      searchLoggedModels(state, {
        experimentIds: args.experiment_ids,
        filter: args.filter_string,
        maxResults: args.max_results,
        datasets: args.datasets,
        orderBy: args.order_by?.map((order) => ({
          fieldName: order.field_name,
          isAscending: order.ascending,
        })),
      }).map(serializeLoggedModel),
  ),

  defineTool("get_logged_model", z.object({ model_id: z.string() }), ({ model_id }, { state }) =>
    serializeLoggedModel(getLoggedModel(state, model_id)),
  ),
];
