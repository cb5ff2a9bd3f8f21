import { createCipheriv, randomBytes } from "node:crypto";
import { isGatehouseError } from "@gatehouse/core/errors/gatehouse-error";
import { encryptionKeyId } from "@gatehouse/core/secrets/encryption-key";
import { createSecretBox, openRecord, sealRecord } from "@gatehouse/core/secrets/secret-box";
import { describe, expect, it } from "vitest";

const oldKey = randomBytes(32).toString("base64");
const key = randomBytes(32).toString("base64");
const box = createSecretBox(key, [oldKey]);
const oldBox = createSecretBox(oldKey);
const keyIdOf = (base64: string) => encryptionKeyId(Buffer.from(base64, "base64"));

/** Seals in the v1 format Gatehouse wrote before keys had ids: v1.<iv>.<tag>.<body>. */
function sealLegacy(keyBase64: string, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", Buffer.from(keyBase64, "base64"), iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), body].map((part) => part.toString("base64url")).join(".");
}

/** Flips the first character of one dot-separated part of a sealed value. */
function tamper(sealed: string, partIndex: number): string {
  const parts = sealed.split(".");
  const part = parts[partIndex] ?? "";
  parts[partIndex] = (part[0] === "A" ? "B" : "A") + part.slice(1);
  return parts.join(".");
}

describe("secret box", () => {
  it("opens what it sealed, including non-ASCII text", () => {
    const plaintext = "Authorization: Bearer sk-live-ünïcode-🔑";
    expect(box.decrypt(box.encrypt(plaintext))).toBe(plaintext);
    expect(box.decrypt(box.encrypt(""))).toBe("");
  });

  it("seals as v2.<key id>.<iv>.<tag>.<body>, with a fresh IV each time and the key's fingerprint", () => {
    const first = box.encrypt("same secret");
    const second = box.encrypt("same secret");
    expect(first).not.toBe(second);
    expect(first).toMatch(new RegExp(`^v2\\.${keyIdOf(key)}\\.[\\w-]{16}\\.[\\w-]{22}\\.[\\w-]+$`));
    expect(box.currentKeyId).toMatch(/^[0-9a-f]{8}$/);
    expect(first).not.toContain("same secret");
    expect(first).not.toContain(Buffer.from(key, "base64").toString("hex").slice(0, 8));
  });

  it.each([
    [
      "a legacy v1 value sealed with the current key",
      () => sealLegacy(key, "legacy-current"),
      "legacy-current",
    ],
    ["a legacy v1 value sealed with a previous key", () => sealLegacy(oldKey, "legacy-old"), "legacy-old"],
    ["a v2 value under the current key", () => box.encrypt("v2-current"), "v2-current"],
    ["a v2 value under a previous key", () => oldBox.encrypt("v2-old"), "v2-old"],
  ])("opens %s", (_label, seal, plaintext) => {
    expect(box.decrypt(seal())).toBe(plaintext);
  });

  it("tells values under the current key from those a rotation must re-seal", () => {
    expect(box.isSealedWithCurrentKey(box.encrypt("x"))).toBe(true);
    expect(box.isSealedWithCurrentKey(oldBox.encrypt("x"))).toBe(false);
    expect(box.isSealedWithCurrentKey(sealLegacy(key, "x"))).toBe(false);
  });

  it("names the missing key and the variable to add it to when a value's key is not configured", () => {
    const stranger = randomBytes(32).toString("base64");
    const sealed = createSecretBox(stranger).encrypt("secret");
    let thrown: unknown;
    try {
      box.decrypt(sealed);
    } catch (error) {
      thrown = error;
    }
    expect(isGatehouseError(thrown, "misconfigured")).toBe(true);
    expect(isGatehouseError(thrown) && thrown.publicMessage).toBe(
      `GATEHOUSE_ENCRYPTION_KEY is not the key this value was sealed with (key ${keyIdOf(stranger)}), and no key in GATEHOUSE_ENCRYPTION_PREVIOUS_KEYS is. Add key ${keyIdOf(stranger)} to GATEHOUSE_ENCRYPTION_PREVIOUS_KEYS on every Gatehouse process.`,
    );
  });

  it("cannot open a legacy value whose key is not configured", () => {
    const sealed = sealLegacy(randomBytes(32).toString("base64"), "secret");
    expect(() => box.decrypt(sealed)).toThrow(/unable to authenticate data/);
  });

  it.each([
    ["IV", 2],
    ["auth tag", 3],
    ["body", 4],
  ])("refuses a v2 value whose %s was tampered with", (_part, index) => {
    const sealed = box.encrypt("a secret long enough to tamper with");
    expect(() => box.decrypt(tamper(sealed, index))).toThrow(/unable to authenticate data/);
  });

  it("refuses a v2 value whose key id was changed to another configured key's", () => {
    const sealed = box.encrypt("secret").replace(keyIdOf(key), keyIdOf(oldKey));
    expect(() => box.decrypt(sealed)).toThrow(/unable to authenticate data/);
  });

  it.each([
    ["a part missing", (sealed: string) => sealed.split(".").slice(0, 4).join(".")],
    ["an unknown version", (sealed: string) => sealed.replace(/^v2/, "v9")],
    ["an empty key id", (sealed: string) => sealed.replace(/^v2\.\w+\./, "v2..")],
  ])("refuses a value with %s", (_label, change) => {
    expect(() => box.decrypt(change(box.encrypt("x")))).toThrow(
      "Sealed secret is malformed or uses an unknown format version.",
    );
  });

  it.each([
    ["16 bytes", randomBytes(16).toString("base64"), 16],
    ["33 bytes", randomBytes(33).toString("base64"), 33],
    ["empty", "", 0],
  ])("rejects a %s key with a message saying how to make one", (_label, badKey, length) => {
    const message = `The encryption key must be 32 bytes encoded as base64 (got ${length} bytes). Generate one with: openssl rand -base64 32`;
    expect(() => createSecretBox(badKey)).toThrow(message);
    expect(() => createSecretBox(key, [badKey])).toThrow(message);
  });
});

describe("sealRecord / openRecord", () => {
  it("seals an empty map as null and opens null as an empty map", () => {
    expect(sealRecord(box, {})).toBeNull();
    expect(openRecord(box, null)).toEqual({});
  });

  it("round-trips a map through one ciphertext that does not show its values", () => {
    const record = { Authorization: "Bearer abc123", "X-Api-Key": "k-456" };
    const sealed = sealRecord(box, record);
    expect(sealed).not.toBeNull();
    expect(sealed).not.toContain("abc123");
    expect(sealed).not.toContain("Authorization");
    expect(openRecord(box, sealed)).toEqual(record);
  });

  it("says which key is missing when a server's credentials were sealed under an unconfigured key", () => {
    const stranger = randomBytes(32).toString("base64");
    const sealed = sealRecord(createSecretBox(stranger), { Authorization: "Bearer x" });
    expect(() => openRecord(box, sealed)).toThrow(
      expect.objectContaining({
        code: "misconfigured",
        publicMessage: expect.stringMatching(
          new RegExp(
            `^Gatehouse cannot decrypt this server's stored credentials: GATEHOUSE_ENCRYPTION_KEY .*key ${keyIdOf(stranger)}.*GATEHOUSE_ENCRYPTION_PREVIOUS_KEYS`,
          ),
        ),
      }),
    );
  });
});
