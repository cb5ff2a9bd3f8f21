import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { GatehouseError } from "../errors/gatehouse-error";

/** Encrypts and decrypts small secrets (upstream headers, env values) with AES-256-GCM. */
export type SecretBox = {
  encrypt(plaintext: string): string;
  decrypt(sealed: string): string;
};

// The version prefix lets a later key rotation tell which key sealed a value.
const FORMAT_VERSION = "v1";
const IV_BYTES = 12;

/** Builds a SecretBox from a 32-byte key given as base64 (what GATEHOUSE_ENCRYPTION_KEY holds). */
export function createSecretBox(keyBase64: string): SecretBox {
  const key = Buffer.from(keyBase64, "base64");
  if (key.length !== 32) {
    throw new Error(
      `The encryption key must be 32 bytes encoded as base64 (got ${key.length} bytes). Generate one with: openssl rand -base64 32`,
    );
  }
  return {
    encrypt(plaintext) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      return [FORMAT_VERSION, iv, cipher.getAuthTag(), body].map(encodePart).join(".");
    },
    decrypt(sealed) {
      const [version, iv, tag, body] = sealed.split(".");
      if (version !== FORMAT_VERSION || !iv || !tag || body === undefined) {
        throw new Error("Sealed secret is malformed or uses an unknown format version.");
      }
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString(
        "utf8",
      );
    },
  };
}

function encodePart(part: string | Buffer): string {
  return typeof part === "string" ? part : part.toString("base64url");
}

/** Seals a string map as one ciphertext, or null when the map is empty. */
export function sealRecord(box: SecretBox, record: Record<string, string>): string | null {
  return Object.keys(record).length === 0 ? null : box.encrypt(JSON.stringify(record));
}

/**
 * Opens a ciphertext produced by sealRecord; null opens to an empty map. A value
 * sealed under another key fails with a message saying so (authentication fails
 * rather than yielding garbage, which is what GCM is for).
 */
export function openRecord(box: SecretBox, sealed: string | null): Record<string, string> {
  if (sealed === null) return {};
  try {
    return JSON.parse(box.decrypt(sealed)) as Record<string, string>;
  } catch (error) {
    throw new GatehouseError(
      "misconfigured",
      "Gatehouse cannot decrypt this server's stored credentials: GATEHOUSE_ENCRYPTION_KEY is not the key they were saved with. Restore the original key, or register the server again with its headers or env values.",
      { cause: error },
    );
  }
}
