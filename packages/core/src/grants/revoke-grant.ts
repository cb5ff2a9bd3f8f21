import type { Db } from "@gatehouse/db/client";
import type { Actor } from "../admin-trail/admin-actor";
import { recordAdminEvent } from "../admin-trail/record-admin-event";
import { GatehouseError } from "../errors/gatehouse-error";
import { type GrantChangeNotifier, notifyBestEffort } from "./grant-change-notifier";

/**
 * Revokes a grant: its token stops working on the next call through any proxy.
 * `isPropagated` is false when the proxies could not be told at once (see notifyBestEffort).
 */
export async function revokeGrant(options: {
  db: Db;
  notify: GrantChangeNotifier;
  orgId: string;
  actor: Actor;
  grantId: string;
}) {
  const grant = await options.db.grant.findFirst({ where: { id: options.grantId, orgId: options.orgId } });
  if (!grant) throw new GatehouseError("not_found", "No such grant in this organisation.");
  if (!grant.revokedAt) {
    await options.db.grant.update({ where: { id: grant.id }, data: { revokedAt: new Date() } });
    await recordAdminEvent(options.db, {
      orgId: options.orgId,
      actor: options.actor,
      action: "grant.revoked",
      target: { id: grant.id, name: grant.name },
      details: { serverId: grant.serverId, tokenPrefix: grant.tokenPrefix },
    });
  }
  const change = { kind: "grant_changed", grantId: grant.id, tokenHash: grant.tokenHash } as const;
  return { isPropagated: await notifyBestEffort(options.notify, change) };
}
