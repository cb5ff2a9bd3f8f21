import { ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js";
import type { GrantSnapshot } from "../grants/grant-snapshot";
import type { GrantStanding } from "../grants/grant-standing";

/** The agent cancelled a request (or dropped its connection) while it was forwarded; Gatehouse cancelled it upstream too. */
export class AgentCancelled extends Error {
  constructor(reason: unknown) {
    super(`The agent cancelled the request${typeof reason === "string" && reason ? `: ${reason}` : ""}.`);
    this.name = "AgentCancelled";
  }
}

/** Passes an upstream JSON-RPC error through unchanged; anything else becomes an internal error that says what happened. */
export function relayUpstreamError(error: unknown): McpError {
  if (error instanceof McpError) return error;
  if (error instanceof AgentCancelled) return new McpError(ErrorCode.InvalidRequest, error.message);
  const message = error instanceof Error ? error.message : String(error);
  return new McpError(ErrorCode.InternalError, `Gatehouse could not reach the upstream server: ${message}`);
}

/**
 * Raised inside a session whose grant disappeared, may no longer be used (`standing`: revoked,
 * expired, token replaced), or holds a policy that no longer parses.
 */
export function grantUnavailableError(grant: GrantSnapshot | null, standing: GrantStanding | null): McpError {
  if (!grant || grant.isRevoked) {
    return new McpError(
      ErrorCode.InvalidRequest,
      "This grant was revoked or deleted. Ask its owner for a new proxy URL.",
    );
  }
  if (standing) return new McpError(ErrorCode.InvalidRequest, `Gatehouse: ${standing.message}`);
  return new McpError(
    ErrorCode.InternalError,
    "This grant's stored policy is invalid, so every call is refused. Open the grant in the dashboard and save its policy again.",
  );
}
