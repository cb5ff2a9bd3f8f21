import type { Db } from "@gatehouse/db/client";
import { Prisma } from "@gatehouse/db/models";
import { exchangeAuthorization } from "@modelcontextprotocol/sdk/client/auth.js";
import type { UserActor } from "../admin-trail/admin-actor";
import { recordAdminEvent } from "../admin-trail/record-admin-event";
import { GatehouseError } from "../errors/gatehouse-error";
import type { NetworkPolicy } from "../network/classify-address";
import { createGuardedFetch } from "../network/guarded-fetch";
import type { SecretBox } from "../secrets/secret-box";
import { hashOAuthState } from "./oauth-state-token";
import { OAuthFlowStateSchema, openJson, sealJson } from "./sealed-oauth-state";
import { tokenTimes } from "./token-times";

const START_OVER = "Click Connect on the server's page to start again.";

/**
 * The callback: takes the pending authorization its `state` names (each state works once),
 * exchanges the code for tokens and stores them, with the client registration, sealed. An
 * authorization started by someone else, in another organisation, or expired is refused.
 */
export async function completeUpstreamAuthorization(options: {
  db: Db;
  secretBox: SecretBox;
  orgId: string;
  actor: UserActor;
  state: string;
  code: string;
  policy: NetworkPolicy;
  now?: Date;
}): Promise<{ serverId: string }> {
  const { db, secretBox, orgId } = options;
  const now = options.now ?? new Date();
  const pending = await takePending(db, options.state);
  if (pending.orgId !== orgId || pending.createdById !== options.actor.id || pending.expiresAt <= now) {
    throw new GatehouseError(
      "invalid_input",
      `This sign-in link has expired or was started by someone else. ${START_OVER}`,
    );
  }
  const { codeVerifier, clientState } = openJson(secretBox, pending.flowEncrypted, OAuthFlowStateSchema);
  const tokens = await exchangeAuthorization(clientState.authorizationServerUrl, {
    metadata: clientState.metadata,
    clientInformation: clientState.client,
    authorizationCode: options.code,
    codeVerifier,
    redirectUri: pending.redirectUri,
    resource: new URL(clientState.resource),
    fetchFn: createGuardedFetch(options.policy),
  }).catch(async (error: unknown) => {
    const reason = `The authorization server refused to issue tokens (${error instanceof Error ? error.message : String(error)}). ${START_OVER}`;
    await db.upstreamOAuthConnection.update({
      where: { serverId: pending.serverId },
      data: { lastError: reason },
    });
    throw new GatehouseError("upstream_auth_failed", reason, { cause: error });
  });
  const server = await db.mcpServer.findUniqueOrThrow({
    where: { id: pending.serverId },
    select: { name: true },
  });
  await db.$transaction([
    db.upstreamOAuthConnection.update({
      where: { serverId: pending.serverId },
      data: {
        status: "connected",
        clientEncrypted: sealJson(secretBox, clientState),
        tokensEncrypted: sealJson(secretBox, tokens),
        ...tokenTimes(tokens, now),
        connectedAt: now,
        lastError: null,
      },
    }),
    recordAdminEvent(db, {
      orgId,
      actor: options.actor,
      action: "server.oauth_connected",
      target: { id: pending.serverId, name: server.name },
      details: {
        authorizationServer: new URL(clientState.authorizationServerUrl).origin,
        clientRegistration: clientState.isDynamicallyRegistered ? "dynamic" : "manual",
        scope: tokens.scope ?? clientState.scope ?? null,
      },
    }),
  ]);
  return { serverId: pending.serverId };
}

// Deleting is what claims the state: of two requests with one state, only one deletes the row.
async function takePending(db: Db, state: string) {
  try {
    return await db.upstreamOAuthAuthorization.delete({ where: { stateHash: hashOAuthState(state) } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025") {
      throw new GatehouseError(
        "invalid_input",
        `This sign-in link was already used or has expired. ${START_OVER}`,
      );
    }
    throw error;
  }
}
