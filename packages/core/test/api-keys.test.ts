import { hashApiKey, looksLikeApiKey } from "@gatehouse/core/api-keys/api-key-secret";
import { authenticateApiKey } from "@gatehouse/core/api-keys/authenticate-api-key";
import { createApiKey } from "@gatehouse/core/api-keys/create-api-key";
import { listApiKeys } from "@gatehouse/core/api-keys/list-api-keys";
import { revokeApiKey } from "@gatehouse/core/api-keys/revoke-api-key";
import { createTestAccount } from "@gatehouse/testing/create-test-account";
import { beforeAll, describe, expect, it } from "vitest";
import { gatehouseFailure, useTestDb } from "./test-support";

const db = useTestDb();
let account: Awaited<ReturnType<typeof createTestAccount>>;
let other: Awaited<ReturnType<typeof createTestAccount>>;

beforeAll(async () => {
  [account, other] = await Promise.all([createTestAccount(db, "keys"), createTestAccount(db, "keys-other")]);
});

function newKey(name = "CI deploy") {
  return createApiKey({ db, orgId: account.orgId, actor: account.actor, name });
}

describe("createApiKey", () => {
  it("returns a gha_ key once and stores only its hash and a display prefix", async () => {
    const { apiKeyId, key } = await newKey();
    expect(key).toMatch(/^gha_[A-Za-z0-9_-]{43}$/);
    expect(looksLikeApiKey(key)).toBe(true);
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: apiKeyId } });
    expect(row).toMatchObject({
      orgId: account.orgId,
      name: "CI deploy",
      createdById: account.userId,
      keyHash: hashApiKey(key),
      keyPrefix: key.slice(0, 10),
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(JSON.stringify(row)).not.toContain(key);
  });

  it("rejects an empty name with a message for the field", async () => {
    const failure = await gatehouseFailure(newKey("   "));
    expect(failure.code).toBe("invalid_input");
    expect(failure.fieldErrors).toEqual([{ field: "name", message: expect.stringMatching(/^Name the key/) }]);
  });
});

describe("listApiKeys", () => {
  it("lists the organisation's keys without hashes, and none of another organisation's", async () => {
    const { apiKeyId } = await newKey("listed");
    const keys = await listApiKeys({ db, orgId: account.orgId });
    const listed = keys.find((key) => key.id === apiKeyId);
    expect(listed).toMatchObject({ name: "listed", revokedAt: null, lastUsedAt: null });
    expect(listed).not.toHaveProperty("keyHash");
    expect(await listApiKeys({ db, orgId: other.orgId })).toEqual([]);
  });
});

describe("authenticateApiKey", () => {
  it("resolves a live key to its organisation and creator", async () => {
    const { apiKeyId, key } = await newKey();
    await expect(authenticateApiKey({ db, key })).resolves.toEqual({
      orgId: account.orgId,
      apiKeyId,
      apiKeyName: "CI deploy",
      actorId: account.userId,
    });
  });

  it.each([
    ["empty", ""],
    ["without the prefix", "x".repeat(47)],
    ["too short", "gha_abc"],
    ["with characters outside base64url", `gha_${"+".repeat(43)}`],
    ["well-formed but unknown", `gha_${"A".repeat(43)}`],
  ])("rejects a key that is %s", async (_label, key) => {
    await expect(authenticateApiKey({ db, key })).resolves.toBeNull();
  });

  it("rejects a revoked key", async () => {
    const { apiKeyId, key } = await newKey();
    await revokeApiKey({ db, orgId: account.orgId, actor: account.actor, apiKeyId });
    await expect(authenticateApiKey({ db, key })).resolves.toBeNull();
  });

  it("records lastUsedAt, at most once a minute", async () => {
    const { apiKeyId, key } = await newKey();
    const lastUsedAt = async () =>
      (await db.apiKey.findUniqueOrThrow({ where: { id: apiKeyId } })).lastUsedAt?.toISOString();
    const first = new Date("2030-01-01T10:00:00.000Z");
    await authenticateApiKey({ db, key, now: first });
    expect(await lastUsedAt()).toBe(first.toISOString());
    await authenticateApiKey({ db, key, now: new Date(first.getTime() + 59_000) });
    expect(await lastUsedAt()).toBe(first.toISOString());
    const later = new Date(first.getTime() + 61_000);
    await authenticateApiKey({ db, key, now: later });
    expect(await lastUsedAt()).toBe(later.toISOString());
  });
});

describe("revokeApiKey", () => {
  it("is harmless to repeat", async () => {
    const { apiKeyId } = await newKey();
    await revokeApiKey({ db, orgId: account.orgId, actor: account.actor, apiKeyId });
    const revokedAt = (await db.apiKey.findUniqueOrThrow({ where: { id: apiKeyId } })).revokedAt;
    await revokeApiKey({ db, orgId: account.orgId, actor: account.actor, apiKeyId });
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: apiKeyId } })).revokedAt).toEqual(revokedAt);
  });

  it("treats another organisation's key as not found and leaves it working", async () => {
    const { apiKeyId, key } = await newKey();
    const failure = await gatehouseFailure(
      revokeApiKey({ db, orgId: other.orgId, actor: other.actor, apiKeyId }),
    );
    expect(failure.code).toBe("not_found");
    await expect(authenticateApiKey({ db, key })).resolves.not.toBeNull();
  });
});
