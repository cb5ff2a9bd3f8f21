import { z } from "zod";

/**
 * GATEHOUSE_METRICS_TOKEN: when set, scraping /metrics requires it as a bearer token. Empty
 * means unset, so a compose file can pass `${GATEHOUSE_METRICS_TOKEN:-}` through.
 */
export const metricsTokenField = z.preprocess(
  (value) => (value === "" ? undefined : value),
  z.string().min(16, "use at least 16 random characters, e.g. the output of openssl rand -hex 32").optional(),
);
