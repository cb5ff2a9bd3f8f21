import { z } from "zod";
import { searchExperiments } from "../store/tracking-ops";
import { defineTool } from "./define-tool";

export const healthTool = defineTool("health", z.object({}), (_args, { state, trackingUri }) => {
  // The real tool probes the tracking server with a one-result search; the store answers in-process.
  searchExperiments(state, { maxResults: 1 });
  return {
    status: "healthy",
    tracking_uri: trackingUri,
    message: "Successfully connected to MLflow server",
  };
});
