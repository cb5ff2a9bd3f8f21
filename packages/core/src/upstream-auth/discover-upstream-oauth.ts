import {
  discoverOAuthServerInfo,
  extractWWWAuthenticateParams,
} from "@modelcontextprotocol/sdk/client/auth.js";
import type { AuthorizationServerMetadata } from "@modelcontextprotocol/sdk/shared/auth.js";
import {
  checkResourceAllowed,
  resourceUrlFromServerUrl,
} from "@modelcontextprotocol/sdk/shared/auth-utils.js";
import { GatehouseError } from "../errors/gatehouse-error";
import type { FetchLike } from "../network/guarded-fetch";

/** What an upstream's 401 said about its OAuth: where its resource metadata is and which scope it wants. */
export type OAuthChallenge = { resourceMetadataUrl?: URL; scope?: string };

/** An upstream's authorization server, as discovered (RFC 9728, then RFC 8414 or OIDC discovery). */
export type DiscoveredOAuthServer = {
  authorizationServerUrl: string;
  metadata: AuthorizationServerMetadata;
  resource: string;
  scope?: string;
};

// A harmless request: it changes nothing on a server that lets it through, and an
// OAuth-protected one refuses it with 401 before looking at it.
const PING = JSON.stringify({ jsonrpc: "2.0", id: 0, method: "ping" });

/**
 * Asks an upstream without credentials and returns its OAuth challenge when it answers
 * 401, or null when it answers anything else.
 */
export async function probeOAuthChallenge(options: {
  url: string;
  transport: "streamable_http" | "sse";
  fetch: FetchLike;
  timeoutMs: number;
}): Promise<OAuthChallenge | null> {
  const isSse = options.transport === "sse";
  const response = await options.fetch(options.url, {
    method: isSse ? "GET" : "POST",
    headers: isSse
      ? { accept: "text/event-stream" }
      : { accept: "application/json, text/event-stream", "content-type": "application/json" },
    ...(isSse ? {} : { body: PING }),
    signal: AbortSignal.timeout(options.timeoutMs),
  });
  // An SSE server that lets the probe in keeps the stream open; it is not read.
  await response.body?.cancel().catch(() => undefined);
  if (response.status !== 401) return null;
  const { resourceMetadataUrl, scope } = extractWWWAuthenticateParams(response);
  return { ...(resourceMetadataUrl ? { resourceMetadataUrl } : {}), ...(scope ? { scope } : {}) };
}

/**
 * Finds the authorization server of an upstream that challenged Gatehouse, and the resource
 * indicator and scope to ask it for. Throws a GatehouseError saying what is missing.
 */
export async function discoverUpstreamOAuth(options: {
  url: string;
  challenge: OAuthChallenge;
  fetch: FetchLike;
}): Promise<DiscoveredOAuthServer> {
  const info = await discoverOAuthServerInfo(options.url, {
    ...(options.challenge.resourceMetadataUrl
      ? { resourceMetadataUrl: options.challenge.resourceMetadataUrl }
      : {}),
    fetchFn: options.fetch,
  }).catch((error: unknown) => {
    throw new GatehouseError(
      "upstream_auth_failed",
      `Gatehouse could not read ${options.url}'s OAuth metadata (${error instanceof Error ? error.message : String(error)}). Check the server's URL, or use a static Authorization header instead.`,
      { cause: error },
    );
  });
  if (!info.authorizationServerMetadata) {
    throw new GatehouseError(
      "upstream_auth_failed",
      `${options.url} asks for OAuth, but its authorization server (${info.authorizationServerUrl}) publishes no metadata (RFC 8414 or OpenID discovery). Use a static Authorization header instead.`,
    );
  }
  const advertised = info.resourceMetadata?.resource;
  if (
    advertised &&
    !checkResourceAllowed({ requestedResource: options.url, configuredResource: advertised })
  ) {
    throw new GatehouseError(
      "upstream_auth_failed",
      `${options.url} says its tokens are for ${advertised}, which is not this server. Check the server's URL.`,
    );
  }
  const scope = options.challenge.scope ?? info.resourceMetadata?.scopes_supported?.join(" ");
  return {
    authorizationServerUrl: info.authorizationServerUrl,
    metadata: info.authorizationServerMetadata,
    // The advertised indicator is sent verbatim: exact-match servers refuse a re-serialised one.
    resource: advertised ?? resourceUrlFromServerUrl(options.url).href,
    ...(scope ? { scope } : {}),
  };
}

/** Whether an upstream asks for OAuth and says how (used at registration); any failure reads as no. */
export async function detectUpstreamOAuth(options: {
  url: string;
  transport: "streamable_http" | "sse";
  fetch: FetchLike;
  timeoutMs: number;
}): Promise<boolean> {
  try {
    const challenge = await probeOAuthChallenge(options);
    if (!challenge) return false;
    await discoverUpstreamOAuth({ ...options, challenge });
    return true;
  } catch {
    return false;
  }
}
