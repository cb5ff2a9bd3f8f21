import type { AuditEvent } from "@gatehouse/core/audit/audit-event";
import { Counter, Gauge, Histogram, MetricRegistry } from "@gatehouse/core/metrics/metric-registry";
import type { AuditSink } from "../audit/audit-sink";
import type { SessionRegistry } from "../sessions/session-registry";

// Seconds; the gateway's own cost is well under a millisecond, upstreams take tens to thousands.
const LATENCY_BUCKETS_SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

type ErrorSource = { on(event: "error", listener: (error: Error) => void): unknown };

/** The proxy's metrics and the hooks that feed them; everything else is read when scraped. */
export type ProxyMetrics = {
  registry: MetricRegistry;
  /** Counts one answered request from its audit event: cheap enough for every call. */
  observeAuditEvent: (event: AuditEvent) => void;
  /** Adds the audit backlog (buffered events, spool bytes), read when scraped. */
  watchAudit: (audit: AuditSink) => void;
  /** Counts the errors a Redis connection reports, under its name. */
  watchRedis: (connection: string, source: ErrorSource) => void;
};

/** Creates the proxy's metrics: requests by method and decision, tool-call latencies, refusals, sessions, audit backlog, Redis errors. */
export function createProxyMetrics(options: { sessions: SessionRegistry }): ProxyMetrics {
  const registry = new MetricRegistry();
  const requests = registry.add(
    new Counter("gatehouse_proxy_requests_total", "MCP requests answered, by method and decision.", [
      "method",
      "decision",
    ]),
  );
  const callSeconds = registry.add(
    new Histogram(
      "gatehouse_proxy_tool_call_duration_seconds",
      "tools/call time from request to answer through Gatehouse, by decision (1 ms resolution).",
      LATENCY_BUCKETS_SECONDS,
      ["decision"],
    ),
  );
  const upstreamSeconds = registry.add(
    new Histogram(
      "gatehouse_proxy_upstream_duration_seconds",
      "Time the upstream server took to answer a forwarded tools/call (1 ms resolution).",
      LATENCY_BUCKETS_SECONDS,
    ),
  );
  const refusals = registry.add(
    new Counter(
      "gatehouse_proxy_refusals_total",
      "Requests refused or held, by the policy rule that decided.",
      ["rule"],
    ),
  );
  const redisErrors = registry.add(
    new Counter("gatehouse_proxy_redis_errors_total", "Errors reported by the proxy's Redis connections.", [
      "connection",
    ]),
  );
  registry.add(
    new Gauge("gatehouse_proxy_sessions_open", "MCP sessions this proxy process holds.", [], () => [
      { value: options.sessions.size },
    ]),
  );
  return {
    registry,
    observeAuditEvent: (event) => {
      requests.inc([event.method, event.decision]);
      if (event.decision !== "allow" && !event.isShadow) refusals.inc([event.rule ?? "none"]);
      if (event.method !== "tools/call") return;
      callSeconds.observe(event.latencyMs / 1000, [event.decision]);
      if (event.upstreamLatencyMs != null) upstreamSeconds.observe(event.upstreamLatencyMs / 1000);
    },
    watchAudit: (audit) => {
      registry.add(
        new Gauge(
          "gatehouse_proxy_audit_buffered_events",
          "Audit events waiting in memory for the next batch.",
          [],
          () => [{ value: audit.bufferedEvents }],
        ),
      );
      registry.add(
        new Gauge(
          "gatehouse_proxy_audit_spool_bytes",
          "Bytes of audit events spooled to disk while Redis was away.",
          [],
          () => [{ value: audit.spoolBytes }],
        ),
      );
    },
    watchRedis: (connection, source) => {
      source.on("error", () => redisErrors.inc([connection]));
    },
  };
}
