import type { Db } from "@gatehouse/db/client";
import { GatehouseError } from "../errors/gatehouse-error";

/** Revokes an API key: the next request made with it is refused. Revoking twice is harmless. */
export async function revokeApiKey(options: { db: Db; orgId: string; apiKeyId: string }) {
  const { count } = await options.db.apiKey.updateMany({
    where: { id: options.apiKeyId, orgId: options.orgId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count > 0) return;
  // Nothing changed: either it is already revoked, or it is not this organisation's key.
  const existing = await options.db.apiKey.findFirst({
    where: { id: options.apiKeyId, orgId: options.orgId },
    select: { id: true },
  });
  if (!existing) throw new GatehouseError("not_found", "No such API key in this organisation.");
}
