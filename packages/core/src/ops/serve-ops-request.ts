import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { METRICS_CONTENT_TYPE, type MetricRegistry } from "../metrics/metric-registry";
import type { Readiness } from "./probe-dependencies";

/** What a process offers its operators over HTTP: liveness, readiness and metrics. */
export type OpsEndpoints = {
  readiness: () => Promise<Readiness>;
  metrics: MetricRegistry;
  /** When set, `/metrics` requires `Authorization: Bearer <token>` (GATEHOUSE_METRICS_TOKEN). */
  metricsToken: string | undefined;
};

/**
 * Answers `/healthz` (the process is alive), `/readyz` (its dependencies answer; 503 naming the
 * ones that do not) and `/metrics` (Prometheus text). Returns false for any other path.
 */
export function serveOpsRequest(
  ops: OpsEndpoints,
  request: { req: IncomingMessage; res: ServerResponse; pathname: string },
): boolean {
  const { req, res, pathname } = request;
  if (pathname === "/healthz") {
    sendJson(res, 200, { status: "ok" });
    return true;
  }
  if (pathname === "/readyz") {
    ops.readiness().then(
      ({ isReady, checks }) =>
        sendJson(res, isReady ? 200 : 503, { status: isReady ? "ready" : "not_ready", checks }),
      () => sendJson(res, 503, { status: "not_ready", checks: {} }),
    );
    return true;
  }
  if (pathname === "/metrics") {
    if (!isMetricsAllowed(ops.metricsToken, req.headers.authorization)) {
      res.writeHead(401, { "content-type": "text/plain", "www-authenticate": "Bearer" });
      res.end(
        "Metrics need the bearer token set in GATEHOUSE_METRICS_TOKEN: send Authorization: Bearer <token>.\n",
      );
      return true;
    }
    ops.metrics.render().then(
      (text) => res.writeHead(200, { "content-type": METRICS_CONTENT_TYPE }).end(text),
      () => res.writeHead(500, { "content-type": "text/plain" }).end("Metrics could not be collected.\n"),
    );
    return true;
  }
  return false;
}

function isMetricsAllowed(token: string | undefined, authorization: string | undefined): boolean {
  if (token === undefined) return true;
  const given = Buffer.from(authorization?.replace(/^Bearer\s+/i, "") ?? "");
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res
    .writeHead(status, { "content-type": "application/json", "cache-control": "no-store" })
    .end(JSON.stringify(body));
}
