import type { Db } from "@gatehouse/db/client";

/** The organisation's API keys, active first then newest first. Never returns key hashes. */
export function listApiKeys(options: { db: Db; orgId: string }) {
  return options.db.apiKey.findMany({
    where: { orgId: options.orgId },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: {
      id: true,
      name: true,
      keyPrefix: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      createdBy: { select: { name: true, email: true } },
    },
  });
}
