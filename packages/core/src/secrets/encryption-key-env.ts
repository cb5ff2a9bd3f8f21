import { z } from "zod";
import { encryptionKeyId, isEncryptionKey } from "./encryption-key";

const KEY_HINT = "32 random bytes encoded as base64 (generate one with: openssl rand -base64 32)";

/** GATEHOUSE_ENCRYPTION_KEY: the key every process seals new secrets with. */
export const encryptionKeyField = z
  .string({ error: `Set it to ${KEY_HINT}.` })
  .refine(isEncryptionKey, `Use ${KEY_HINT}.`);

/**
 * GATEHOUSE_ENCRYPTION_PREVIOUS_KEYS: comma-separated keys that only open secrets sealed
 * before a rotation. Parsed to a list; a bad entry is reported by position, never echoed.
 */
export const previousEncryptionKeysField = z
  .string()
  .default("")
  .transform((value) =>
    value
      .split(",")
      .map((key) => key.trim())
      .filter((key) => key !== ""),
  )
  .superRefine((keys, ctx) => {
    for (const [index, key] of keys.entries()) {
      if (!isEncryptionKey(key)) {
        ctx.addIssue({
          code: "custom",
          message: `Key ${index + 1} is not ${KEY_HINT}. Separate keys with commas.`,
        });
      }
    }
  });

/**
 * Adds an issue on GATEHOUSE_ENCRYPTION_PREVIOUS_KEYS when a key is listed twice or is also
 * the current key: almost always a rotation step done twice or the wrong variable edited.
 */
export function addRepeatedKeyIssue(
  currentKey: string,
  previousKeys: readonly string[],
  ctx: z.RefinementCtx,
): void {
  const previousIds = previousKeys.filter(isEncryptionKey).map(keyIdOf);
  const message = previousIds.includes(keyIdOf(currentKey))
    ? "It lists the current key (GATEHOUSE_ENCRYPTION_KEY). Remove it from the previous keys."
    : previousIds.some((id, index) => previousIds.indexOf(id) !== index)
      ? "It lists the same key twice. List each previous key once."
      : null;
  if (message) ctx.addIssue({ code: "custom", path: ["GATEHOUSE_ENCRYPTION_PREVIOUS_KEYS"], message });
}

function keyIdOf(keyBase64: string): string {
  return encryptionKeyId(Buffer.from(keyBase64, "base64"));
}
