import { refreshAuthorization } from "@modelcontextprotocol/sdk/client/auth.js";
import { OAuthError } from "@modelcontextprotocol/sdk/server/auth/errors.js";
import type { OAuthTokens } from "@modelcontextprotocol/sdk/shared/auth.js";
import { GatehouseError } from "../errors/gatehouse-error";
import type { FetchLike } from "../network/guarded-fetch";
import type { OAuthClientState } from "./sealed-oauth-state";

// The authorization server no longer honours the grant or knows the client: only a person
// signing in again (Connect) can fix that, so the connection is marked, not retried.
const NEEDS_RECONNECT_ERRORS = new Set(["invalid_grant", "invalid_client", "unauthorized_client"]);

/** How a refresh ended: new tokens, a refusal that needs a person, or a failure worth retrying later. */
export type RefreshOutcome =
  | { kind: "refreshed"; tokens: OAuthTokens }
  | { kind: "needs_reconnect"; reason: string }
  | { kind: "failed"; error: GatehouseError };

/** Exchanges the refresh token at the authorization server; never throws. */
export async function refreshUpstreamTokens(options: {
  clientState: OAuthClientState;
  tokens: OAuthTokens;
  fetch: FetchLike;
}): Promise<RefreshOutcome> {
  const { clientState } = options;
  const refreshToken = options.tokens.refresh_token;
  if (!refreshToken) {
    return {
      kind: "needs_reconnect",
      reason: "the access token expired and the authorization server issued no refresh token",
    };
  }
  try {
    const tokens = await refreshAuthorization(clientState.authorizationServerUrl, {
      metadata: clientState.metadata,
      clientInformation: clientState.client,
      refreshToken,
      resource: new URL(clientState.resource),
      fetchFn: options.fetch,
    });
    return { kind: "refreshed", tokens };
  } catch (error) {
    if (error instanceof OAuthError && NEEDS_RECONNECT_ERRORS.has(error.errorCode)) {
      return {
        kind: "needs_reconnect",
        reason: `the authorization server refused to refresh the token (${error.errorCode}: ${error.message})`,
      };
    }
    const message = `Gatehouse could not refresh its OAuth token for this server (${error instanceof Error ? error.message : String(error)}). It will try again on the next request.`;
    return { kind: "failed", error: new GatehouseError("upstream_auth_failed", message, { cause: error }) };
  }
}
