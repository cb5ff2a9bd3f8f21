import type { Db } from "@gatehouse/db/client";
import type { ApprovalStatus, Prisma } from "@gatehouse/db/models";

/** A request as the inbox and the API list it (never the arguments' values). */
export type ApprovalSummary = {
  id: string;
  status: ApprovalStatus;
  kind: string;
  method: string;
  name: string;
  argumentKeys: string[];
  rule: string;
  reason: string;
  sessionId: string | null;
  grant: { id: string; name: string };
  server: { id: string; name: string };
  policy: { id: string; version: number };
  createdAt: Date;
  expiresAt: Date;
  decidedAt: Date | null;
  decidedByName: string | null;
  comment: string | null;
  reuseWindowSeconds: number | null;
  reuseUntil: Date | null;
};

const SUMMARY_SELECT = {
  id: true,
  status: true,
  kind: true,
  method: true,
  name: true,
  argumentKeys: true,
  rule: true,
  reason: true,
  sessionId: true,
  serverId: true,
  policyId: true,
  policyVersion: true,
  createdAt: true,
  expiresAt: true,
  decidedAt: true,
  decidedByName: true,
  comment: true,
  reuseWindowSeconds: true,
  reuseUntil: true,
  grant: { select: { id: true, name: true, server: { select: { id: true, name: true } } } },
} satisfies Prisma.ApprovalRequestSelect;

/**
 * The organisation's requests, newest first: `pending` lists those still awaiting a
 * decision (oldest expiry first, so the most urgent is on top), `ended` the rest.
 */
export async function listApprovalRequests(
  db: Db,
  options: { orgId: string; state: "pending" | "ended"; limit?: number },
): Promise<ApprovalSummary[]> {
  const isPending = options.state === "pending";
  const rows = await db.approvalRequest.findMany({
    where: { orgId: options.orgId, status: isPending ? "pending" : { not: "pending" } },
    orderBy: isPending ? { expiresAt: "asc" } : { createdAt: "desc" },
    take: Math.min(options.limit ?? 100, 500),
    select: SUMMARY_SELECT,
  });
  return rows.map(toSummary);
}

/** One request of the organisation, or null. */
export async function getApprovalSummary(
  db: Db,
  options: { orgId: string; approvalId: string },
): Promise<ApprovalSummary | null> {
  const row = await db.approvalRequest.findFirst({
    where: { id: options.approvalId, orgId: options.orgId },
    select: SUMMARY_SELECT,
  });
  return row ? toSummary(row) : null;
}

/** How many requests await a decision; the navigation shows it. */
export async function countPendingApprovals(db: Db, orgId: string): Promise<number> {
  return db.approvalRequest.count({ where: { orgId, status: "pending" } });
}

function toSummary(
  row: Prisma.ApprovalRequestGetPayload<{ select: typeof SUMMARY_SELECT }>,
): ApprovalSummary {
  const { grant, serverId, policyId, policyVersion, ...rest } = row;
  return {
    ...rest,
    grant: { id: grant.id, name: grant.name },
    server: { id: serverId, name: grant.server.name },
    policy: { id: policyId, version: policyVersion },
  };
}
