import type { Db } from "@gatehouse/db/client";
import type { Actor } from "../admin-trail/admin-actor";
import { recordAdminEvent } from "../admin-trail/record-admin-event";
import { GatehouseError } from "../errors/gatehouse-error";

/** Revokes an API key: the next request made with it is refused. Revoking twice is harmless. */
export async function revokeApiKey(options: { db: Db; orgId: string; actor: Actor; apiKeyId: string }) {
  const apiKey = await options.db.apiKey.findFirst({
    where: { id: options.apiKeyId, orgId: options.orgId },
    select: { id: true, name: true, keyPrefix: true },
  });
  if (!apiKey) throw new GatehouseError("not_found", "No such API key in this organisation.");
  // The condition lives in the update, so of two concurrent revocations only one records an event.
  const { count } = await options.db.apiKey.updateMany({
    where: { id: apiKey.id, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) return;
  await recordAdminEvent(options.db, {
    orgId: options.orgId,
    actor: options.actor,
    action: "api_key.revoked",
    target: { id: apiKey.id, name: apiKey.name },
    details: { keyPrefix: apiKey.keyPrefix },
  });
}
