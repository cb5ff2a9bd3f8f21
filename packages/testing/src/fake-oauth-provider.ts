import { randomUUID } from "node:crypto";
import type { OAuthRegisteredClientsStore } from "@modelcontextprotocol/sdk/server/auth/clients.js";
import { InvalidGrantError, InvalidTokenError } from "@modelcontextprotocol/sdk/server/auth/errors.js";
import type {
  AuthorizationParams,
  OAuthServerProvider,
} from "@modelcontextprotocol/sdk/server/auth/provider.js";
import type { AuthInfo } from "@modelcontextprotocol/sdk/server/auth/types.js";
import type { OAuthClientInformationFull, OAuthTokens } from "@modelcontextprotocol/sdk/shared/auth.js";

type IssuedCode = { clientId: string; params: AuthorizationParams };
type IssuedToken = { clientId: string; scopes: string[]; expiresAtMs: number; resource?: URL };

/** What a test can see of, and do to, the fake authorization server. */
export type FakeOAuthControls = {
  /** How many refresh_token grants succeeded. */
  refreshCount: () => number;
  /** Every `resource` parameter the authorization endpoint received. */
  requestedResources: () => (string | undefined)[];
  /** Forgets every refresh token, so the next refresh fails with invalid_grant (as after a revocation). */
  revokeRefreshTokens: () => void;
  /** Makes every access token issued so far expired. */
  expireAccessTokens: () => void;
  /** Adds a client as if an administrator had registered it by hand (for servers without DCR). */
  addClient: (client: OAuthClientInformationFull) => void;
};

/**
 * An in-memory OAuth 2.1 authorization server, after the SDK's demo provider, that approves
 * every authorization at once, issues short-lived access tokens and rotates refresh tokens
 * (a reused refresh token is refused with invalid_grant, as real servers do).
 */
export function createFakeOAuthProvider(options: {
  accessTokenLifetimeMs: number;
  dynamicRegistration: boolean;
}) {
  const clients = new Map<string, OAuthClientInformationFull>();
  const codes = new Map<string, IssuedCode>();
  const accessTokens = new Map<string, IssuedToken>();
  const refreshTokens = new Map<string, IssuedToken>();
  const resources: (string | undefined)[] = [];
  let refreshes = 0;

  const issue = (grant: Omit<IssuedToken, "expiresAtMs">): OAuthTokens => {
    const accessToken = `at-${randomUUID()}`;
    const refreshToken = `rt-${randomUUID()}`;
    accessTokens.set(accessToken, { ...grant, expiresAtMs: Date.now() + options.accessTokenLifetimeMs });
    refreshTokens.set(refreshToken, { ...grant, expiresAtMs: Number.POSITIVE_INFINITY });
    return {
      access_token: accessToken,
      token_type: "bearer",
      expires_in: Math.max(1, Math.round(options.accessTokenLifetimeMs / 1000)),
      refresh_token: refreshToken,
      scope: grant.scopes.join(" "),
    };
  };

  const registerClient = async (client: OAuthClientInformationFull) => {
    clients.set(client.client_id, client);
    return client;
  };
  // Without registerClient the SDK's router offers no registration_endpoint.
  const clientsStore: OAuthRegisteredClientsStore = {
    getClient: async (clientId) => clients.get(clientId),
    ...(options.dynamicRegistration ? { registerClient } : {}),
  };

  const provider: OAuthServerProvider = {
    clientsStore,
    async authorize(client, params, res) {
      resources.push(params.resource?.href);
      const code = randomUUID();
      codes.set(code, { clientId: client.client_id, params });
      const target = new URL(params.redirectUri);
      target.searchParams.set("code", code);
      if (params.state !== undefined) target.searchParams.set("state", params.state);
      res.redirect(target.href);
    },
    async challengeForAuthorizationCode(_client, code) {
      const issued = codes.get(code);
      if (!issued) throw new InvalidGrantError("Unknown authorization code");
      return issued.params.codeChallenge;
    },
    async exchangeAuthorizationCode(client, code) {
      const issued = codes.get(code);
      if (!issued || issued.clientId !== client.client_id)
        throw new InvalidGrantError("Unknown authorization code");
      codes.delete(code);
      const { scopes = [], resource } = issued.params;
      return issue({ clientId: client.client_id, scopes, ...(resource ? { resource } : {}) });
    },
    async exchangeRefreshToken(client, refreshToken) {
      const grant = refreshTokens.get(refreshToken);
      if (!grant || grant.clientId !== client.client_id)
        throw new InvalidGrantError("Refresh token is not valid");
      refreshTokens.delete(refreshToken);
      refreshes++;
      return issue(grant);
    },
    async verifyAccessToken(token): Promise<AuthInfo> {
      const grant = accessTokens.get(token);
      if (!grant || grant.expiresAtMs <= Date.now()) throw new InvalidTokenError("Invalid or expired token");
      const { clientId, scopes, resource } = grant;
      return {
        token,
        clientId,
        scopes,
        expiresAt: Math.ceil(grant.expiresAtMs / 1000),
        ...(resource ? { resource } : {}),
      };
    },
  };

  const controls: FakeOAuthControls = {
    refreshCount: () => refreshes,
    requestedResources: () => [...resources],
    revokeRefreshTokens: () => refreshTokens.clear(),
    expireAccessTokens: () => {
      for (const token of accessTokens.values()) token.expiresAtMs = 0;
    },
    addClient: (client) => void registerClient(client),
  };
  return { provider, controls };
}
