import { UnauthorizedError } from "@modelcontextprotocol/sdk/client/auth.js";
import { ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js";
import { GatehouseError } from "../errors/gatehouse-error";
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

/** Explains why connecting to an upstream failed, in words a person can act on. */
export function describeConnectError(
  error: unknown,
  context: { config: UpstreamConfig; stderr: string },
): GatehouseError {
  if (error instanceof GatehouseError) return error;
  const where = context.config.transport === "stdio" ? `"${context.config.command}"` : context.config.url;
  if (context.config.transport === "stdio") return describeStdioError(error, where, context.stderr);
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

function describeStdioError(error: unknown, where: string, stderr: string): GatehouseError {
  if (error instanceof Error && error.message === "stdio disabled") {
    return new GatehouseError(
      "forbidden",
      "This Gatehouse does not allow stdio servers. An operator can enable them with GATEHOUSE_ALLOW_STDIO=true.",
    );
  }
  const code = (error as { code?: unknown }).code;
  if (code === "ENOENT") {
    return new GatehouseError(
      "upstream_unreachable",
      `The command ${where} was not found on the gateway's host.`,
      {
        cause: error,
      },
    );
  }
  const said = stderr.trim() ? ` It printed: ${stderr.trim().split("\n").slice(-5).join(" | ")}` : "";
  return new GatehouseError(
    "upstream_failed",
    `The command ${where} exited or failed before completing MCP initialisation (${shortMessage(error)}).${said}`,
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

function isTimeout(error: unknown): boolean {
  return error instanceof McpError && error.code === ErrorCode.RequestTimeout;
}

// The SDK validates each reply with zod; its error message is a JSON dump of parser internals.
function notMcpDetail(error: unknown): string {
  if (error instanceof Error && error.name === "ZodError") return "its reply is not a JSON-RPC message";
  return shortMessage(error);
}

function shortMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > 200 ? `${message.slice(0, 200)}…` : message;
}
