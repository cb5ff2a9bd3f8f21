import type { Db } from "@gatehouse/db/client";
import { z } from "zod";
import { parseInput } from "../errors/field-errors";
import { issueApiKey } from "./api-key-secret";

export const ApiKeyNameSchema = z
  .string()
  .trim()
  .min(1, "Name the key after what uses it, e.g. “CI deploy”.")
  .max(80, "Use at most 80 characters.");

/**
 * Creates an API key for the organisation's REST API. The key is returned once,
 * here; only its hash and display prefix are stored.
 */
export async function createApiKey(options: { db: Db; orgId: string; actorId: string; name: string }) {
  const { name } = parseInput(z.object({ name: ApiKeyNameSchema }), { name: options.name });
  const issued = issueApiKey();
  const apiKey = await options.db.apiKey.create({
    data: {
      orgId: options.orgId,
      name,
      keyHash: issued.keyHash,
      keyPrefix: issued.keyPrefix,
      createdById: options.actorId,
    },
  });
  return { apiKeyId: apiKey.id, key: issued.key };
}
