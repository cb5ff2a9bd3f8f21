import { randomBytes } from "node:crypto";
import { createSecretBox, openRecord, sealRecord } from "@gatehouse/core/secrets/secret-box";
import { describe, expect, it } from "vitest";

const key = randomBytes(32).toString("base64");
const box = createSecretBox(key);

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

  it("produces a different ciphertext each time (random IV) in the v1 format", () => {
    const first = box.encrypt("same secret");
    const second = box.encrypt("same secret");
    expect(first).not.toBe(second);
    expect(first.split(".")[1]).not.toBe(second.split(".")[1]);
    expect(first).toMatch(/^v1\.[\w-]{16}\.[\w-]{22}\.[\w-]+$/);
    expect(first).not.toContain("same secret");
  });

  it.each([
    ["version", 0],
    ["IV", 1],
    ["auth tag", 2],
    ["body", 3],
  ])("refuses a value whose %s was tampered with", (_part, index) => {
    const sealed = box.encrypt("a secret long enough to tamper with");
    expect(() => box.decrypt(tamper(sealed, index))).toThrow();
  });

  it("refuses a value with a part missing", () => {
    const sealed = box.encrypt("x");
    expect(() => box.decrypt(sealed.split(".").slice(0, 3).join("."))).toThrow(
      "Sealed secret is malformed or uses an unknown format version.",
    );
  });

  it("cannot open a value sealed with another key", () => {
    const other = createSecretBox(randomBytes(32).toString("base64"));
    expect(() => other.decrypt(box.encrypt("secret"))).toThrow(/unable to authenticate data/);
  });

  it.each([
    ["16 bytes", randomBytes(16).toString("base64"), 16],
    ["33 bytes", randomBytes(33).toString("base64"), 33],
    ["empty", "", 0],
  ])("rejects a %s key with a message saying how to make one", (_label, badKey, length) => {
    expect(() => createSecretBox(badKey)).toThrow(
      `The encryption key must be 32 bytes encoded as base64 (got ${length} bytes). Generate one with: openssl rand -base64 32`,
    );
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
});
