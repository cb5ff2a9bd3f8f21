import type { ServerTransport } from "@gatehouse/db/models";

/** How each transport is named in the dashboard. */
export const TRANSPORT_LABELS: Record<ServerTransport, string> = {
  streamable_http: "Streamable HTTP",
  sse: "Legacy SSE",
  stdio: "stdio",
};
