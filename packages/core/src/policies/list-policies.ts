import type { Db } from "@gatehouse/db/client";

/** The organisation's policies (optionally of one server) with how many active grants use each. */
export function listPolicies(options: { db: Db; orgId: string; serverId?: string }) {
  return options.db.policy.findMany({
    where: { orgId: options.orgId, ...(options.serverId ? { serverId: options.serverId } : {}) },
    orderBy: [{ updatedAt: "desc" }],
    select: {
      id: true,
      name: true,
      currentVersion: true,
      createdAt: true,
      updatedAt: true,
      server: { select: { id: true, name: true } },
      _count: { select: { grants: { where: { revokedAt: null } } } },
    },
  });
}
