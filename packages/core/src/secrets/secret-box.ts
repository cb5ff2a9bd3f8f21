import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { GatehouseError, isGatehouseError } from "../errors/gatehouse-error";
import { parseEncryptionKey } from "./encryption-key";

/**
 * Encrypts and decrypts small secrets (upstream headers, env values, webhook secrets, held
 * call arguments) with AES-256-GCM, under a current key and any number of older keys.
 */
export type SecretBox = {
  /** The fingerprint of the key new values are sealed with. */
  readonly currentKeyId: string;
  /** What every value sealed under the current key starts with: `v2.<currentKeyId>.`. */
  readonly currentPrefix: string;
  encrypt(plaintext: string): string;
  decrypt(sealed: string): string;
  /** Whether a sealed value is already in the current format under the current key (nothing to re-seal). */
  isSealedWithCurrentKey(sealed: string): boolean;
};

// v2 values name their key, so a rotation knows what to re-seal and an error can say which key is
// missing. v1 values (from before key rotation existed) do not; each configured key is tried.
const FORMAT_VERSION = "v2";
const LEGACY_VERSION = "v1";
const IV_BYTES = 12;

type Key = { id: string; bytes: Buffer };

/**
 * Builds a SecretBox from the current key (GATEHOUSE_ENCRYPTION_KEY) and keys that only
 * decrypt (GATEHOUSE_ENCRYPTION_PREVIOUS_KEYS), each 32 bytes encoded as base64.
 */
export function createSecretBox(currentKey: string, previousKeys: readonly string[] = []): SecretBox {
  const current = parseEncryptionKey(currentKey);
  const keys = new Map<string, Key>([[current.id, current]]);
  for (const key of previousKeys.map(parseEncryptionKey)) keys.set(key.id, key);
  const currentPrefix = `${FORMAT_VERSION}.${current.id}.`;
  return {
    currentKeyId: current.id,
    currentPrefix,
    encrypt(plaintext) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", current.bytes, iv);
      const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      return [FORMAT_VERSION, current.id, ...[iv, cipher.getAuthTag(), body].map(encodePart)].join(".");
    },
    decrypt(sealed) {
      const parts = parseSealed(sealed);
      if (parts.keyId === null) return openWithAnyKey([...keys.values()], parts);
      const key = keys.get(parts.keyId);
      if (!key) throw unknownKeyError(parts.keyId);
      return openWithKey(key, parts);
    },
    isSealedWithCurrentKey(sealed) {
      return sealed.startsWith(currentPrefix);
    },
  };
}

type SealedParts = { keyId: string | null; iv: string; tag: string; body: string };

function parseSealed(sealed: string): SealedParts {
  const parts = sealed.split(".");
  const [version] = parts;
  if (version === FORMAT_VERSION && parts.length === 5) {
    const [, keyId = "", iv = "", tag = "", body = ""] = parts;
    if (keyId && iv && tag) return { keyId, iv, tag, body };
  }
  if (version === LEGACY_VERSION && parts.length === 4) {
    const [, iv = "", tag = "", body = ""] = parts;
    if (iv && tag) return { keyId: null, iv, tag, body };
  }
  throw new Error("Sealed secret is malformed or uses an unknown format version.");
}

// GCM authentication fails for every key but the one that sealed the value, so trying each is safe.
function openWithAnyKey(keys: Key[], parts: SealedParts): string {
  let lastError: unknown;
  for (const key of keys) {
    try {
      return openWithKey(key, parts);
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

function openWithKey(key: Key, parts: SealedParts): string {
  const decipher = createDecipheriv("aes-256-gcm", key.bytes, Buffer.from(parts.iv, "base64url"));
  decipher.setAuthTag(Buffer.from(parts.tag, "base64url"));
  const plaintext = Buffer.concat([decipher.update(Buffer.from(parts.body, "base64url")), decipher.final()]);
  return plaintext.toString("utf8");
}

function unknownKeyError(keyId: string): GatehouseError {
  return new GatehouseError(
    "misconfigured",
    `GATEHOUSE_ENCRYPTION_KEY is not the key this value was sealed with (key ${keyId}), and no key in GATEHOUSE_ENCRYPTION_PREVIOUS_KEYS is. Add key ${keyId} to GATEHOUSE_ENCRYPTION_PREVIOUS_KEYS on every Gatehouse process.`,
  );
}

function encodePart(part: Buffer): string {
  return part.toString("base64url");
}

/** Seals a string map as one ciphertext, or null when the map is empty. */
export function sealRecord(box: SecretBox, record: Record<string, string>): string | null {
  return Object.keys(record).length === 0 ? null : box.encrypt(JSON.stringify(record));
}

/**
 * Opens a ciphertext produced by sealRecord; null opens to an empty map. A value
 * sealed under a key this process lacks fails with a message saying which key
 * (authentication fails rather than yielding garbage, which is what GCM is for).
 */
export function openRecord(box: SecretBox, sealed: string | null): Record<string, string> {
  if (sealed === null) return {};
  try {
    return JSON.parse(box.decrypt(sealed)) as Record<string, string>;
  } catch (error) {
    const reason = isGatehouseError(error)
      ? error.publicMessage
      : "GATEHOUSE_ENCRYPTION_KEY is not the key they were saved with, and no key in GATEHOUSE_ENCRYPTION_PREVIOUS_KEYS is. Restore the original key.";
    throw new GatehouseError(
      "misconfigured",
      `Gatehouse cannot decrypt this server's stored credentials: ${reason} Otherwise, register the server again with its headers or env values.`,
      { cause: error },
    );
  }
}
