import { artifactTools } from "./artifact-tools";
import type { ToolHandler } from "./define-tool";
import { experimentTools } from "./experiment-tools";
import { healthTool } from "./health-tool";
import { loggedModelTools } from "./logged-model-tools";
import { registryReadTools } from "./registry-read-tools";
import { registryWriteTools } from "./registry-write-tools";
import { runMetricTools } from "./run-metric-tools";
import { runReadTools } from "./run-read-tools";
import { runWriteTools } from "./run-write-tools";

/** Every tool handler, keyed by the tool name the definitions use. */
export const TOOL_HANDLERS: ReadonlyMap<string, ToolHandler> = new Map(
  [
    ...experimentTools,
    ...runReadTools,
    ...runMetricTools,
    ...runWriteTools,
    ...artifactTools,
    ...registryReadTools,
    ...registryWriteTools,
    ...loggedModelTools,
    healthTool,
  ].map((handler) => [handler.name, handler]),
);
