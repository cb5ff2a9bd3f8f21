import type { Db } from "@gatehouse/db/client";
import { z } from "zod";
import { type AccountableActor, attributedUserId } from "../admin-trail/admin-actor";
import { recordAdminEvent } from "../admin-trail/record-admin-event";
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
export async function createApiKey(options: {
  db: Db;
  orgId: string;
  actor: AccountableActor;
  name: string;
}) {
  const { name } = parseInput(z.object({ name: ApiKeyNameSchema }), { name: options.name });
  const issued = issueApiKey();
  const apiKey = await options.db.apiKey.create({
    data: {
      orgId: options.orgId,
      name,
      keyHash: issued.keyHash,
      keyPrefix: issued.keyPrefix,
      createdById: attributedUserId(options.actor),
    },
  });
  await recordAdminEvent(options.db, {
    orgId: options.orgId,
    actor: options.actor,
    action: "api_key.created",
    target: { id: apiKey.id, name },
    details: { keyPrefix: issued.keyPrefix },
  });
  return { apiKeyId: apiKey.id, key: issued.key };
}
