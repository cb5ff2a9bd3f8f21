import { createHash } from "node:crypto";

const KEY_BYTES = 32;
// Hashed with the key so the fingerprint is useless as anything but a name for it.
const KEY_ID_CONTEXT = "gatehouse-key-id";
const KEY_ID_HEX_CHARS = 8;

/** An AES-256 key and its fingerprint, which sealed values carry so any process can tell which key to use. */
export type EncryptionKey = { id: string; bytes: Buffer };

/** Decodes a base64 key, throwing with how to generate one when it is not 32 bytes. */
export function parseEncryptionKey(keyBase64: string): EncryptionKey {
  const bytes = Buffer.from(keyBase64, "base64");
  if (bytes.length !== KEY_BYTES) {
    throw new Error(
      `The encryption key must be 32 bytes encoded as base64 (got ${bytes.length} bytes). Generate one with: openssl rand -base64 32`,
    );
  }
  return { id: encryptionKeyId(bytes), bytes };
}

/** The key's public fingerprint: the first 8 hex characters of SHA-256("gatehouse-key-id" + key). */
export function encryptionKeyId(bytes: Buffer): string {
  return createHash("sha256").update(KEY_ID_CONTEXT).update(bytes).digest("hex").slice(0, KEY_ID_HEX_CHARS);
}

/** Whether a string decodes to a 32-byte key. */
export function isEncryptionKey(keyBase64: string): boolean {
  return Buffer.from(keyBase64, "base64").length === KEY_BYTES;
}
