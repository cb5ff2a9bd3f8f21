import type { Db } from "@gatehouse/db/client";
import type { ApprovalRequest } from "@gatehouse/db/models";
import type { SecretBox } from "../secrets/secret-box";
import { argumentsDigest } from "./arguments-digest";

export type OpenApprovalInput = {
  orgId: string;
  grantId: string;
  serverId: string;
  kind: "tool" | "resource" | "prompt";
  method: string;
  /** The tool or prompt name, or the resource URI. */
  name: string;
  args: Record<string, unknown>;
  policyId: string;
  policyVersion: number;
  rule: string;
  reason: string;
  sessionId: string | null;
  /** The proxy process that holds the agent's request open. */
  holderId: string;
  timeoutSeconds: number;
  /** How long an approver may let identical calls through; null when the policy does not offer it. */
  reuseWindowSeconds: number | null;
  now: Date;
};

/**
 * Records a held call as a pending approval request. The arguments are stored
 * encrypted (approvers need to see them) and bound by digest, so a decision can
 * never be applied to other arguments.
 */
export async function openApprovalRequest(
  deps: { db: Db; secretBox: SecretBox },
  input: OpenApprovalInput,
): Promise<ApprovalRequest> {
  return deps.db.approvalRequest.create({
    data: {
      orgId: input.orgId,
      grantId: input.grantId,
      serverId: input.serverId,
      kind: input.kind,
      method: input.method,
      name: input.name,
      argsDigest: argumentsDigest(input.args),
      argumentsEncrypted: deps.secretBox.encrypt(JSON.stringify(input.args)),
      argumentKeys: Object.keys(input.args).slice(0, 200),
      policyId: input.policyId,
      policyVersion: input.policyVersion,
      rule: input.rule,
      reason: input.reason,
      sessionId: input.sessionId,
      holderId: input.holderId,
      createdAt: input.now,
      expiresAt: new Date(input.now.getTime() + input.timeoutSeconds * 1000),
      reuseWindowSeconds: input.reuseWindowSeconds,
    },
  });
}
