import type { Db } from "@gatehouse/db/client";
import type { SecretBox } from "../secrets/secret-box";

/**
 * The arguments of several requests at once, by id, for a person allowed to decide
 * them: the inbox shows every pending request's arguments and refreshes every few
 * seconds, so it reads them in one query rather than one per request. Requests that
 * have ended (arguments purged) or belong to another organisation are absent.
 */
export async function readPendingApprovalArguments(
  deps: { db: Db; secretBox: SecretBox },
  options: { orgId: string; approvalIds: readonly string[] },
): Promise<Map<string, Record<string, unknown>>> {
  if (options.approvalIds.length === 0) return new Map();
  const rows = await deps.db.approvalRequest.findMany({
    where: { id: { in: [...options.approvalIds] }, orgId: options.orgId, argumentsEncrypted: { not: null } },
    select: { id: true, argumentsEncrypted: true },
  });
  return new Map(
    rows.flatMap((row) =>
      row.argumentsEncrypted
        ? [[row.id, JSON.parse(deps.secretBox.decrypt(row.argumentsEncrypted)) as Record<string, unknown>]]
        : [],
    ),
  );
}
