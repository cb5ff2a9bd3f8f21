import type { Prisma } from "@gatehouse/db/models";

/**
 * What an approval.requested payload is built from. The arguments' values are not
 * selected at all (they may hold secrets); receivers get their names and a link to
 * the dashboard, where approvers who may see the values can.
 */
export const APPROVAL_PAYLOAD_SELECT = {
  id: true,
  orgId: true,
  status: true,
  kind: true,
  name: true,
  method: true,
  argumentKeys: true,
  reason: true,
  rule: true,
  policyId: true,
  policyVersion: true,
  createdAt: true,
  expiresAt: true,
  grant: { select: { id: true, name: true, server: { select: { id: true, name: true } } } },
} satisfies Prisma.ApprovalRequestSelect;

export type ApprovalForPayload = Prisma.ApprovalRequestGetPayload<{ select: typeof APPROVAL_PAYLOAD_SELECT }>;

/** The JSON body announcing a new approval request; `id` is the delivery's, for receivers to de-duplicate. */
export function buildApprovalPayload(options: {
  deliveryId: string;
  approval: ApprovalForPayload;
  dashboardUrl: string;
  now: Date;
}) {
  const { approval } = options;
  return {
    id: options.deliveryId,
    event: "approval.requested" as const,
    createdAt: options.now.toISOString(),
    approval: {
      id: approval.id,
      status: approval.status,
      kind: approval.kind,
      name: approval.name,
      method: approval.method,
      argumentKeys: approval.argumentKeys,
      reason: approval.reason,
      rule: approval.rule,
      grant: { id: approval.grant.id, name: approval.grant.name },
      server: { id: approval.grant.server.id, name: approval.grant.server.name },
      policy: { id: approval.policyId, version: approval.policyVersion },
      createdAt: approval.createdAt.toISOString(),
      expiresAt: approval.expiresAt.toISOString(),
      url: `${options.dashboardUrl.replace(/\/+$/, "")}/approvals/${encodeURIComponent(approval.id)}`,
    },
  };
}
