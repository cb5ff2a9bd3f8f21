import type { Db } from "@gatehouse/db/client";

const GRANT_SUMMARY = {
  id: true,
  name: true,
  tokenPrefix: true,
  policy: { select: { id: true, name: true, currentVersion: true } },
  createdAt: true,
  revokedAt: true,
  expiresAt: true,
  lastUsedAt: true,
  server: { select: { id: true, name: true } },
} as const;

/** The organisation's grants, active first then newest first. Never returns token hashes. */
export function listGrants(options: { db: Db; orgId: string; serverId?: string }) {
  return options.db.grant.findMany({
    where: { orgId: options.orgId, ...(options.serverId ? { serverId: options.serverId } : {}) },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: GRANT_SUMMARY,
  });
}
