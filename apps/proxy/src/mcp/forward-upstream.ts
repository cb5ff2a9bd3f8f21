import { upstreamHttpStatus } from "@gatehouse/core/upstream/upstream-http-status";
import { McpError } from "@modelcontextprotocol/sdk/types.js";
import type { AuditOutcome } from "../audit/build-audit-event";
import { AgentCancelled, relayUpstreamError } from "./upstream-errors";

/** What the audit log records of one upstream request. */
export type UpstreamOutcome = Pick<
  AuditOutcome,
  | "upstreamStatus"
  | "upstreamError"
  | "jsonRpcErrorCode"
  | "upstreamHttpStatus"
  | "resultIsError"
  | "upstreamLatencyMs"
  | "resultBytes"
>;

export type Forwarded<R> =
  | { isOk: true; result: R; outcome: UpstreamOutcome }
  | { isOk: false; error: McpError; outcome: UpstreamOutcome };

/**
 * Sends one request upstream, timing only the upstream's part, and describes its answer for the
 * audit log; a failure comes back as the error to relay to the agent. `isErrorResult` reads a
 * tool result's isError flag (a tool-level failure the upstream reported as a result).
 */
export async function forwardUpstream<R>(
  now: () => number,
  send: () => Promise<R>,
  isErrorResult?: (result: R) => boolean,
): Promise<Forwarded<R>> {
  const startedAtMs = now();
  const elapsed = () => Math.max(0, Math.round(now() - startedAtMs));
  try {
    const result = await send();
    const isError = isErrorResult?.(result) ?? null;
    const outcome: UpstreamOutcome = {
      upstreamStatus: isError ? "tool_error" : "ok",
      resultIsError: isError,
      upstreamLatencyMs: elapsed(),
      resultBytes: Buffer.byteLength(JSON.stringify(result)),
    };
    return { isOk: true, result, outcome };
  } catch (error) {
    const relayed = relayUpstreamError(error);
    const outcome: UpstreamOutcome = {
      upstreamStatus: error instanceof AgentCancelled ? "cancelled" : "error",
      upstreamError: relayed.message,
      // Only an error the upstream answered with carries its code; a transport failure has none.
      jsonRpcErrorCode: error instanceof McpError ? error.code : null,
      upstreamHttpStatus: upstreamHttpStatus(error) ?? null,
      upstreamLatencyMs: elapsed(),
    };
    return { isOk: false, error: relayed, outcome };
  }
}
