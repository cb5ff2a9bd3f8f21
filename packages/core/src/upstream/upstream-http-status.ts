import { SseError } from "@modelcontextprotocol/sdk/client/sse.js";
import { StreamableHTTPError } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

// Connection errors arrive wrapped (a GatehouseError's cause); a few levels are enough.
const MAX_CAUSE_DEPTH = 4;

/** The HTTP status an upstream answered with, when the SDK's client transport reported one (also as a cause). */
export function upstreamHttpStatus(error: unknown): number | undefined {
  let current = error;
  for (let depth = 0; depth < MAX_CAUSE_DEPTH && current instanceof Error; depth++) {
    const code =
      current instanceof StreamableHTTPError || current instanceof SseError ? current.code : undefined;
    // The transports use -1 or no code for failures that had no HTTP answer.
    if (code !== undefined && code >= 100 && code <= 599) return code;
    current = current.cause;
  }
  return undefined;
}
