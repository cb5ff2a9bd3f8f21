import { z } from "zod";

/** GATEHOUSE_METRICS_TOKEN: when set, scraping /metrics requires it as a bearer token. */
export const metricsTokenField = z
  .string()
  .min(16, "use at least 16 random characters, e.g. the output of openssl rand -hex 32")
  .optional();
