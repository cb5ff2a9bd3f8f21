import type { Db } from "@gatehouse/db/client";
import { z } from "zod";
import type { Actor } from "../admin-trail/admin-actor";
import { recordAdminEvent } from "../admin-trail/record-admin-event";
import { parseInput } from "../errors/field-errors";
import { GatehouseError } from "../errors/gatehouse-error";
import { type GrantChangeNotifier, notifyBestEffort } from "./grant-change-notifier";
import { GrantExpiresAtSchema } from "./grant-expiry";

const SetGrantExpirySchema = z.object({ expiresAt: GrantExpiresAtSchema.nullable() });

/**
 * Sets when an active grant stops working (a future time), or clears it so the grant never
 * expires; an expired grant can be extended this way. Applies on the agent's next call.
 */
export async function setGrantExpiry(options: {
  db: Db;
  notify: GrantChangeNotifier;
  orgId: string;
  actor: Actor;
  grantId: string;
  expiresAt: Date | string | null;
}) {
  const { expiresAt } = parseInput(SetGrantExpirySchema, { expiresAt: options.expiresAt });
  const grant = await options.db.grant.findFirst({ where: { id: options.grantId, orgId: options.orgId } });
  if (!grant) throw new GatehouseError("not_found", "No such grant in this organisation.");
  if (grant.revokedAt) {
    throw new GatehouseError("conflict", "This grant is revoked; its expiry can no longer change.");
  }
  if (grant.expiresAt?.getTime() !== expiresAt?.getTime()) {
    await options.db.grant.update({ where: { id: grant.id }, data: { expiresAt } });
    await recordAdminEvent(options.db, {
      orgId: options.orgId,
      actor: options.actor,
      action: "grant.expiry_changed",
      target: { id: grant.id, name: grant.name },
      details: {
        fromExpiresAt: grant.expiresAt?.toISOString() ?? null,
        toExpiresAt: expiresAt?.toISOString() ?? null,
      },
    });
  }
  const change = { kind: "grant_changed", grantId: grant.id, tokenHash: grant.tokenHash } as const;
  return { isPropagated: await notifyBestEffort(options.notify, change) };
}
