import type { SecretBox } from "@gatehouse/core/secrets/secret-box";
import { toUpstreamConfig } from "@gatehouse/core/upstream/upstream-config";
import type { Db } from "@gatehouse/db/client";
import { parsePolicy } from "@gatehouse/policy/parse-policy";
import type { GrantSnapshot } from "./grant-snapshot";

/** Reads a grant, its policy and its server's connection from Postgres; null when no grant has this token. */
export async function loadGrantSnapshot(options: {
  db: Db;
  secretBox: SecretBox;
  tokenHash: string;
}): Promise<GrantSnapshot | null> {
  const grant = await options.db.grant.findUnique({
    where: { tokenHash: options.tokenHash },
    include: { server: true },
  });
  if (!grant) return null;
  const parsed = parsePolicy(grant.policy);
  return {
    grantId: grant.id,
    orgId: grant.orgId,
    serverId: grant.serverId,
    serverName: grant.server.name,
    tokenHash: grant.tokenHash,
    isRevoked: grant.revokedAt !== null,
    policyVersion: grant.policyVersion,
    policy: parsed.ok ? parsed.policy : null,
    upstream: toUpstreamConfig(grant.server, options.secretBox),
  };
}
