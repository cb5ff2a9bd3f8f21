import type { Db } from "@gatehouse/db/client";
import { hashApiKey, looksLikeApiKey } from "./api-key-secret";

// "Last used" is for people deciding whether a key is still needed; minute precision is
// plenty, and it spares a write on every request of a busy CI job.
const LAST_USED_PRECISION_MS = 60_000;

/**
 * Who an API request acts for: the key's organisation, and the person who created the key.
 * The key's name says who acted where a person would otherwise be named (e.g. an approval).
 */
export type ApiKeyPrincipal = { orgId: string; apiKeyId: string; apiKeyName: string; actorId: string };

/** Resolves a presented API key; null for anything malformed, unknown or revoked. */
export async function authenticateApiKey(options: {
  db: Db;
  key: string;
  now?: Date;
}): Promise<ApiKeyPrincipal | null> {
  if (!looksLikeApiKey(options.key)) return null;
  const apiKey = await options.db.apiKey.findUnique({
    where: { keyHash: hashApiKey(options.key) },
    select: { id: true, name: true, orgId: true, createdById: true, revokedAt: true },
  });
  if (!apiKey || apiKey.revokedAt) return null;
  const now = options.now ?? new Date();
  // The condition lives in the update itself, so concurrent requests write at most once a minute.
  await options.db.apiKey.updateMany({
    where: {
      id: apiKey.id,
      OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_PRECISION_MS) } }],
    },
    data: { lastUsedAt: now },
  });
  return { orgId: apiKey.orgId, apiKeyId: apiKey.id, apiKeyName: apiKey.name, actorId: apiKey.createdById };
}
