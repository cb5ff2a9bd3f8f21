import type { SecretBox } from "@gatehouse/core/secrets/secret-box";
import { toUpstreamConfig } from "@gatehouse/core/upstream/upstream-config";
import type { Db } from "@gatehouse/db/client";
import { parsePolicy } from "@gatehouse/policy/parse-policy";
import type { GrantSnapshot } from "./grant-snapshot";

/**
 * Reads the grant a token belongs to (as its current token, or as the one a rotation replaced),
 * with its policy and its server's connection; null when no grant has this token.
 */
export async function loadGrantSnapshot(options: {
  db: Db;
  secretBox: SecretBox;
  tokenHash: string;
}): Promise<GrantSnapshot | null> {
  const grant = await options.db.grant.findFirst({
    where: { OR: [{ tokenHash: options.tokenHash }, { previousTokenHash: options.tokenHash }] },
    include: {
      server: true,
      policy: { include: { versions: { orderBy: { version: "desc" }, take: 1 } } },
    },
  });
  if (!grant) return null;
  const current = grant.policy.versions[0];
  const tools = await options.db.tool.findMany({
    where: { serverId: grant.serverId, removedAt: null },
    select: { name: true, category: true, definitionHash: true, approvedHash: true },
  });
  const parsed = parsePolicy(current?.document);
  return {
    grantId: grant.id,
    orgId: grant.orgId,
    serverId: grant.serverId,
    serverName: grant.server.name,
    tokenHash: options.tokenHash,
    grantName: grant.name,
    isRevoked: grant.revokedAt !== null,
    expiresAtMs: grant.expiresAt?.getTime() ?? null,
    // A replaced token without an end time (never written so) fails closed: already ended.
    tokenExpiresAtMs:
      grant.tokenHash === options.tokenHash ? null : (grant.previousTokenExpiresAt?.getTime() ?? 0),
    policyId: grant.policyId,
    policyVersion: current?.version ?? 0,
    policy: parsed.ok ? parsed.policy : null,
    upstream: toUpstreamConfig(grant.server, options.secretBox),
    tools: new Map(
      tools.map((tool) => [
        tool.name,
        {
          category: tool.category ?? undefined,
          definitionHash: tool.definitionHash,
          isApproved: tool.approvedHash === tool.definitionHash,
        },
      ]),
    ),
  };
}
