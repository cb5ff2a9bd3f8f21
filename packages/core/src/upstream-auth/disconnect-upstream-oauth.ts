import type { Db } from "@gatehouse/db/client";
import type { Actor } from "../admin-trail/admin-actor";
import { recordAdminEvent } from "../admin-trail/record-admin-event";
import { GatehouseError } from "../errors/gatehouse-error";
import { findOAuthServer } from "./find-oauth-server";

/**
 * Forgets a server's OAuth tokens, so Gatehouse stops calling it until someone connects again.
 * The client registration is kept, so the next Connect does not register another client.
 */
export async function disconnectUpstreamOAuth(options: {
  db: Db;
  orgId: string;
  actor: Actor;
  serverId: string;
}) {
  const { db, orgId } = options;
  const server = await findOAuthServer(db, { orgId, serverId: options.serverId });
  if (!server.oauth) throw new GatehouseError("not_found", "This server does not use OAuth.");
  await db.$transaction([
    db.upstreamOAuthConnection.update({
      where: { serverId: server.id },
      data: {
        status: "not_connected",
        tokensEncrypted: null,
        accessTokenExpiresAt: null,
        refreshAt: null,
        lastError: null,
      },
    }),
    recordAdminEvent(db, {
      orgId,
      actor: options.actor,
      action: "server.oauth_disconnected",
      target: { id: server.id, name: server.name },
    }),
  ]);
}
