import type { Db } from "@gatehouse/db/client";
import { z } from "zod";
import type { AccountableActor } from "../admin-trail/admin-actor";
import { recordAdminEvent } from "../admin-trail/record-admin-event";
import { parseInput } from "../errors/field-errors";
import { GatehouseError } from "../errors/gatehouse-error";
import { MAX_GRACE_PERIOD_SECONDS } from "./grace-periods";
import { type GrantChangeNotifier, notifyBestEffort } from "./grant-change-notifier";
import { issueGrantToken } from "./grant-token";

/** How long a replaced token keeps working, in whole seconds (0: it stops at once). */
export const GracePeriodSecondsSchema = z
  .number({ error: "Send gracePeriodSeconds as a whole number of seconds." })
  .int("Send gracePeriodSeconds as a whole number of seconds.")
  .min(0, "The grace period cannot be negative; send 0 to stop the old token at once.")
  .max(MAX_GRACE_PERIOD_SECONDS, "The grace period can be at most 7 days (604800 seconds).");

/**
 * Issues the grant a new token, returned once. The old token keeps working for the grace
 * period (0 stops it at once); a token replaced by an earlier rotation stops now.
 */
export async function rotateGrantToken(options: {
  db: Db;
  notify: GrantChangeNotifier;
  orgId: string;
  actor: AccountableActor;
  grantId: string;
  gracePeriodSeconds: number;
}) {
  const { gracePeriodSeconds } = parseInput(z.object({ gracePeriodSeconds: GracePeriodSecondsSchema }), {
    gracePeriodSeconds: options.gracePeriodSeconds,
  });
  const grant = await options.db.grant.findFirst({ where: { id: options.grantId, orgId: options.orgId } });
  if (!grant) throw new GatehouseError("not_found", "No such grant in this organisation.");
  if (grant.revokedAt) {
    throw new GatehouseError("conflict", "This grant is revoked; create a new grant instead of rotating.");
  }
  const issued = issueGrantToken();
  const rotatedAt = new Date();
  const previousTokenExpiresAt =
    gracePeriodSeconds > 0 ? new Date(rotatedAt.getTime() + gracePeriodSeconds * 1000) : null;
  const rotated = await options.db.$transaction(async (tx) => {
    // Matching the token read above makes two rotations at once fail rather than both succeed.
    const { count } = await tx.grant.updateMany({
      where: { id: grant.id, tokenHash: grant.tokenHash, revokedAt: null },
      data: {
        tokenHash: issued.tokenHash,
        tokenPrefix: issued.tokenPrefix,
        previousTokenHash: previousTokenExpiresAt ? grant.tokenHash : null,
        previousTokenExpiresAt,
        tokenRotatedAt: rotatedAt,
      },
    });
    if (count === 0) return false;
    await recordAdminEvent(tx, {
      orgId: options.orgId,
      actor: options.actor,
      action: "grant.token_rotated",
      target: { id: grant.id, name: grant.name },
      details: {
        tokenPrefix: issued.tokenPrefix,
        previousTokenPrefix: grant.tokenPrefix,
        gracePeriodSeconds,
        previousTokenExpiresAt: previousTokenExpiresAt?.toISOString() ?? null,
      },
    });
    return true;
  });
  if (!rotated) {
    throw new GatehouseError("conflict", "This grant changed while rotating; reload it and rotate again.");
  }
  // The old token's hash is what proxies cached the grant under.
  const change = { kind: "grant_changed", grantId: grant.id, tokenHash: grant.tokenHash } as const;
  return {
    token: issued.token,
    previousTokenExpiresAt,
    isPropagated: await notifyBestEffort(options.notify, change),
  };
}
