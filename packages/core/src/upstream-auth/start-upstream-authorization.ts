import type { Db } from "@gatehouse/db/client";
import { registerClient, startAuthorization } from "@modelcontextprotocol/sdk/client/auth.js";
import { z } from "zod";
import type { UserActor } from "../admin-trail/admin-actor";
import { parseInput } from "../errors/field-errors";
import { GatehouseError } from "../errors/gatehouse-error";
import type { NetworkPolicy } from "../network/classify-address";
import { createGuardedFetch, type FetchLike } from "../network/guarded-fetch";
import type { SecretBox } from "../secrets/secret-box";
import {
  type DiscoveredOAuthServer,
  discoverUpstreamOAuth,
  probeOAuthChallenge,
} from "./discover-upstream-oauth";
import { findOAuthServer } from "./find-oauth-server";
import { createOAuthState, hashOAuthState } from "./oauth-state-token";
import { type OAuthClientState, OAuthClientStateSchema, openJson, sealJson } from "./sealed-oauth-state";

/** How long a person has to approve at the authorization server before the "Connect" must start over. */
export const AUTHORIZATION_TTL_MS = 10 * 60_000;

const ManualClientSchema = z.object({
  clientId: z.string().trim().max(500).optional(),
  clientSecret: z.string().max(2000).optional(),
});

/**
 * "Connect": discovers the upstream's authorization server, registers Gatehouse as a client
 * there when it offers dynamic registration (otherwise uses the client id and secret the
 * person entered), and returns the authorization URL (PKCE S256, with the resource
 * indicator) to send the browser to. The state and the sealed verifier expire in 10 minutes.
 */
export async function startUpstreamAuthorization(options: {
  db: Db;
  secretBox: SecretBox;
  orgId: string;
  actor: UserActor;
  serverId: string;
  /** The dashboard's callback URL, registered with the authorization server. */
  redirectUri: string;
  clientId?: string;
  clientSecret?: string;
  policy: NetworkPolicy;
  timeoutMs: number;
  now?: Date;
}): Promise<{ authorizationUrl: string }> {
  const manual = parseInput(ManualClientSchema, {
    clientId: options.clientId,
    clientSecret: options.clientSecret,
  });
  const { db, secretBox, orgId } = options;
  const server = await findOAuthServer(db, { orgId, serverId: options.serverId });
  const fetch = createGuardedFetch(options.policy);
  const challenge = await probeOAuthChallenge({ ...server, fetch, timeoutMs: options.timeoutMs });
  const discovered = await discoverUpstreamOAuth({ url: server.url, challenge: challenge ?? {}, fetch });
  const stored = server.oauth?.clientEncrypted
    ? openJson(secretBox, server.oauth.clientEncrypted, OAuthClientStateSchema)
    : null;
  const clientState = await chooseClient({ ...options, discovered, stored, manual, fetch });
  const state = createOAuthState(server.id);
  const { authorizationUrl, codeVerifier } = await startAuthorization(discovered.authorizationServerUrl, {
    metadata: discovered.metadata,
    clientInformation: clientState.client,
    redirectUrl: options.redirectUri,
    state,
    resource: new URL(discovered.resource),
    ...(discovered.scope ? { scope: discovered.scope } : {}),
  });
  const now = options.now ?? new Date();
  await db.$transaction([
    db.upstreamOAuthConnection.upsert({
      where: { serverId: server.id },
      create: { orgId, serverId: server.id },
      update: {},
    }),
    // Abandoned attempts are cleared here rather than by a sweeper: only this server's, only expired ones.
    db.upstreamOAuthAuthorization.deleteMany({ where: { serverId: server.id, expiresAt: { lt: now } } }),
    db.upstreamOAuthAuthorization.create({
      data: {
        orgId,
        serverId: server.id,
        stateHash: hashOAuthState(state),
        flowEncrypted: sealJson(secretBox, { codeVerifier, clientState }),
        redirectUri: options.redirectUri,
        createdById: options.actor.id,
        expiresAt: new Date(now.getTime() + AUTHORIZATION_TTL_MS),
      },
    }),
  ]);
  return { authorizationUrl: authorizationUrl.href };
}

type ChooseClientOptions = {
  redirectUri: string;
  discovered: DiscoveredOAuthServer;
  stored: OAuthClientState | null;
  manual: z.output<typeof ManualClientSchema>;
  fetch: FetchLike;
};

// A client entered by hand wins; then one registered earlier with this very server and
// callback; then a new dynamic registration; otherwise the person is asked for a client id.
async function chooseClient(options: ChooseClientOptions): Promise<OAuthClientState> {
  const { discovered, stored, manual, redirectUri } = options;
  const base = {
    authorizationServerUrl: discovered.authorizationServerUrl,
    metadata: discovered.metadata,
    resource: discovered.resource,
    ...(discovered.scope ? { scope: discovered.scope } : {}),
  };
  if (manual.clientId) {
    const client = {
      client_id: manual.clientId,
      ...(manual.clientSecret ? { client_secret: manual.clientSecret } : {}),
    };
    return { ...base, client, isDynamicallyRegistered: false };
  }
  if (
    stored &&
    stored.authorizationServerUrl === discovered.authorizationServerUrl &&
    isForRedirect(stored, redirectUri)
  ) {
    return { ...base, client: stored.client, isDynamicallyRegistered: stored.isDynamicallyRegistered };
  }
  if (!discovered.metadata.registration_endpoint) {
    const message = `${discovered.authorizationServerUrl} does not let Gatehouse register itself. Register a client there with the redirect URI ${redirectUri}, then enter its client ID (and secret).`;
    throw new GatehouseError("invalid_input", message, { fieldErrors: [{ field: "clientId", message }] });
  }
  const client = await registerClient(discovered.authorizationServerUrl, {
    metadata: discovered.metadata,
    clientMetadata: {
      client_name: "Gatehouse",
      redirect_uris: [redirectUri],
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: pickClientAuthMethod(
        discovered.metadata.token_endpoint_auth_methods_supported,
      ),
    },
    ...(discovered.scope ? { scope: discovered.scope } : {}),
    fetchFn: options.fetch,
  }).catch((error: unknown) => {
    throw new GatehouseError(
      "upstream_auth_failed",
      `${discovered.authorizationServerUrl} refused to register Gatehouse as a client (${error instanceof Error ? error.message : String(error)}). Register one there by hand and enter its client ID.`,
      { cause: error },
    );
  });
  return { ...base, client, isDynamicallyRegistered: true };
}

function isForRedirect(stored: OAuthClientState, redirectUri: string): boolean {
  if (!stored.isDynamicallyRegistered) return true;
  const uris = (stored.client as { redirect_uris?: unknown }).redirect_uris;
  return Array.isArray(uris) && uris.includes(redirectUri);
}

// A confidential client is preferred: Gatehouse keeps the secret server-side, sealed.
function pickClientAuthMethod(supported: string[] | undefined): string {
  const offered = supported ?? ["client_secret_basic"];
  return (
    ["client_secret_basic", "client_secret_post", "none"].find((method) => offered.includes(method)) ?? "none"
  );
}
