import type { Db } from "@gatehouse/db/client";
import type { SecretBox } from "../secrets/secret-box";

/**
 * The arguments of a pending request, for a person allowed to decide it. Null once
 * the request has ended: arguments are purged with the decision.
 */
export async function readApprovalArguments(
  deps: { db: Db; secretBox: SecretBox },
  options: { orgId: string; approvalId: string },
): Promise<Record<string, unknown> | null> {
  const row = await deps.db.approvalRequest.findFirst({
    where: { id: options.approvalId, orgId: options.orgId },
    select: { argumentsEncrypted: true },
  });
  if (!row?.argumentsEncrypted) return null;
  return JSON.parse(deps.secretBox.decrypt(row.argumentsEncrypted)) as Record<string, unknown>;
}
