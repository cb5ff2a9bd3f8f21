import { UnauthorizedError } from "@modelcontextprotocol/sdk/client/auth.js";
import { GatehouseError } from "../errors/gatehouse-error";
import { isTimeout, shortMessage } from "./connect-error-details";
import { describeStdioError, type StdioFailure } from "./describe-stdio-error";
import type { UpstreamConfig } from "./upstream-config";
import { upstreamHttpStatus } from "./upstream-http-status";

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ECONNRESET",
  "EHOSTUNREACH",
  "ETIMEDOUT",
]);

/** What a stdio server's process left behind: its last stderr lines and how it ended. */
export type ProcessReport = Partial<Pick<StdioFailure, "stderr" | "exit">>;

/** Explains why connecting to an upstream (or a request on it) failed, in words a person can act on. */
export function describeConnectError(
  error: unknown,
  context: { config: UpstreamConfig } & Partial<Omit<StdioFailure, "command">>,
): GatehouseError {
  if (error instanceof GatehouseError) return error;
  const { config } = context;
  if (config.transport === "stdio") return describeStdioError(error, { ...context, command: config.command });
  const where = config.url;
  const status = upstreamHttpStatus(error);
  if (status === 401 || status === 403 || error instanceof UnauthorizedError) {
    return new GatehouseError(
      "upstream_auth_failed",
      `${where} refused Gatehouse's credentials (HTTP ${status ?? 401}). Check the server's headers, e.g. its Authorization header.`,
      { cause: error },
    );
  }
  const networkCode = networkCodeOf(error) ?? fetchFailureOf(error);
  if (networkCode) {
    return new GatehouseError(
      "upstream_unreachable",
      `Could not reach ${where} (${networkCode}). Check the URL and that the server is running.`,
      { cause: error },
    );
  }
  if (isTimeout(error)) {
    return new GatehouseError(
      "upstream_unreachable",
      `${where} did not answer in time. Is it an MCP server?`,
      {
        cause: error,
      },
    );
  }
  if (status !== undefined && status >= 300 && status < 400) {
    // Following it could lead to an address the SSRF guard refuses, so no redirect is followed.
    return new GatehouseError(
      "upstream_not_mcp",
      `${where} redirected Gatehouse (HTTP ${status}). Gatehouse never follows redirects: register the URL the server redirects to.`,
      { cause: error },
    );
  }
  const detail = status !== undefined ? `HTTP ${status}` : notMcpDetail(error);
  return new GatehouseError(
    "upstream_not_mcp",
    `${where} did not answer like an MCP server (${detail}). Check the URL points at the MCP endpoint (often ending in /mcp${context.config.transport === "sse" ? " or /sse" : ""}) and the transport is right.`,
    { cause: error },
  );
}

function networkCodeOf(error: unknown): string | undefined {
  // fetch wraps the socket error as `cause`, and happy-eyeballs wraps several in `errors`.
  const queue: unknown[] = [error];
  for (let depth = 0; depth < 8 && queue.length; depth++) {
    const current = queue.shift() as { code?: unknown; cause?: unknown; errors?: unknown } | null;
    if (!current || typeof current !== "object") continue;
    if (typeof current.code === "string" && NETWORK_CODES.has(current.code)) return current.code;
    queue.push(current.cause, ...(Array.isArray(current.errors) ? current.errors : []));
  }
  return undefined;
}

// fetch reports refusals it makes itself (a blocked port, a bad scheme) as "fetch failed" with a plain cause.
function fetchFailureOf(error: unknown): string | undefined {
  if (!(error instanceof TypeError) || error.message !== "fetch failed") return undefined;
  return error.cause instanceof Error ? error.cause.message : "network error";
}

// The SDK validates each reply with zod; its error message is a JSON dump of parser internals.
function notMcpDetail(error: unknown): string {
  if (error instanceof Error && error.name === "ZodError") return "its reply is not a JSON-RPC message";
  return shortMessage(error);
}
