import { randomBytes } from "node:crypto";
import type { Actor } from "@gatehouse/core/admin-trail/admin-actor";
import { parseEncryptionKey } from "@gatehouse/core/secrets/encryption-key";
import { createSecretBox } from "@gatehouse/core/secrets/secret-box";
import { deleteWebhook } from "@gatehouse/core/webhooks/delete-webhook";
import { deliverWebhook } from "@gatehouse/core/webhooks/deliver-webhook";
import { getWebhook } from "@gatehouse/core/webhooks/get-webhook";
import { listWebhookDeliveries } from "@gatehouse/core/webhooks/list-webhook-deliveries";
import { rotateWebhookSecret } from "@gatehouse/core/webhooks/rotate-webhook-secret";
import { saveWebhook } from "@gatehouse/core/webhooks/save-webhook";
import { setWebhookEnabled } from "@gatehouse/core/webhooks/set-webhook-enabled";
import { createTestAccount } from "@gatehouse/testing/create-test-account";
import { TEST_ENCRYPTION_KEY } from "@gatehouse/testing/test-env";
import { describe, expect, it } from "vitest";
import { gatehouseFailure, testSecretBox, useTestDb } from "./test-support";

const db = useTestDb();
const URL_MESSAGE = "Enter an http:// or https:// URL, e.g. https://hooks.example.com/gatehouse.";

function save(account: { orgId: string; actor: Actor }, url: string) {
  return saveWebhook({
    db,
    secretBox: testSecretBox,
    orgId: account.orgId,
    actor: account.actor,
    url,
    allowPrivateNetworks: true,
  });
}

describe("saveWebhook", () => {
  it.each([
    { case: "an empty URL", url: "", message: "Enter the URL Gatehouse should send approval requests to." },
    { case: "an ftp URL", url: "ftp://hooks.example.com/x", message: URL_MESSAGE },
    { case: "a javascript: URL", url: "javascript:alert(1)", message: URL_MESSAGE },
    { case: "words", url: "not a url", message: URL_MESSAGE },
    {
      case: "a URL over 2000 characters",
      url: `https://hooks.example.com/${"a".repeat(2000)}`,
      message: "Use a URL of at most 2000 characters.",
    },
  ])("refuses $case", async ({ url, message }) => {
    const account = await createTestAccount(db, "webhook-url");
    const { orgId } = account;
    expect(await gatehouseFailure(save(account, url))).toEqual({
      code: "invalid_input",
      message: "Some fields need attention.",
      fieldErrors: [{ field: "url", message }],
    });
    expect(await getWebhook({ db, orgId })).toBeNull();
  });

  it("returns a whsec_ secret on creation only, stores it encrypted, and keeps it when the URL changes", async () => {
    const account = await createTestAccount(db, "webhook-save");
    const { orgId } = account;
    const created = await save(account, " https://hooks.example.com/a ");
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const stored = await db.webhookEndpoint.findUniqueOrThrow({ where: { orgId } });
    expect(stored.url).toBe("https://hooks.example.com/a");
    expect(stored.secretEncrypted).not.toContain(created.secret);
    expect(testSecretBox.decrypt(stored.secretEncrypted)).toBe(created.secret);
    expect(created.secret?.startsWith(stored.secretPrefix)).toBe(true);

    const updated = await save(account, "http://127.0.0.1:8080/hook");
    expect(updated).toEqual({ webhookId: created.webhookId, secret: null });
    const webhook = await getWebhook({ db, orgId });
    expect(webhook).toMatchObject({ url: "http://127.0.0.1:8080/hook", secretPrefix: stored.secretPrefix });
    expect(Object.keys(webhook ?? {})).not.toContain("secretEncrypted");
  });
});

describe("managing the webhook", () => {
  it("rotates the secret, toggles it, and deletes it with its delivery log", async () => {
    const account = await createTestAccount(db, "webhook-manage");
    const { orgId, actor } = account;
    const { webhookId, secret } = await save(account, "https://hooks.example.com/a");
    const rotated = await rotateWebhookSecret({ db, secretBox: testSecretBox, orgId, actor });
    expect(rotated.secret).not.toBe(secret);
    const stored = await db.webhookEndpoint.findUniqueOrThrow({ where: { orgId } });
    expect(testSecretBox.decrypt(stored.secretEncrypted)).toBe(rotated.secret);

    await setWebhookEnabled({ db, orgId, actor, isEnabled: false });
    expect((await getWebhook({ db, orgId }))?.isEnabled).toBe(false);

    await db.webhookDelivery.create({ data: { webhookId, event: "webhook.test", payload: {} } });
    await deleteWebhook({ db, orgId, actor });
    await deleteWebhook({ db, orgId, actor });
    expect(await getWebhook({ db, orgId })).toBeNull();
    expect(await db.webhookDelivery.count({ where: { webhookId } })).toBe(0);
  });

  it("acts only on the caller's organisation", async () => {
    const [owner, other] = await Promise.all([
      createTestAccount(db, "webhook-owner"),
      createTestAccount(db, "webhook-other"),
    ]);
    const { webhookId } = await save(owner, "https://hooks.example.com/a");
    await db.webhookDelivery.create({ data: { webhookId, event: "webhook.test", payload: {} } });
    const notFound = {
      code: "not_found",
      message: "This organisation has no webhook. Save a URL first.",
      fieldErrors: [],
    };
    expect(
      await gatehouseFailure(
        rotateWebhookSecret({ db, secretBox: testSecretBox, orgId: other.orgId, actor: other.actor }),
      ),
    ).toEqual(notFound);
    expect(
      await gatehouseFailure(
        setWebhookEnabled({ db, orgId: other.orgId, actor: other.actor, isEnabled: false }),
      ),
    ).toEqual(notFound);
    await deleteWebhook({ db, orgId: other.orgId, actor: other.actor });
    expect(await getWebhook({ db, orgId: other.orgId })).toBeNull();
    expect(await listWebhookDeliveries({ db, orgId: other.orgId })).toEqual([]);
    expect(await listWebhookDeliveries({ db, orgId: owner.orgId })).toHaveLength(1);
    expect((await getWebhook({ db, orgId: owner.orgId }))?.isEnabled).toBe(true);
  });

  it("lists deliveries newest first, at most 50", async () => {
    const account = await createTestAccount(db, "webhook-log");
    const { orgId } = account;
    const { webhookId } = await save(account, "https://hooks.example.com/a");
    const start = Date.now() - 60 * 60_000;
    await db.webhookDelivery.createMany({
      data: Array.from({ length: 55 }, (_, index) => ({
        webhookId,
        event: "webhook.test",
        payload: {},
        createdAt: new Date(start + index * 1000),
      })),
    });
    const deliveries = await listWebhookDeliveries({ db, orgId });
    expect(deliveries).toHaveLength(50);
    expect(deliveries[0]?.createdAt.getTime()).toBe(start + 54 * 1000);
    expect(deliveries[49]?.createdAt.getTime()).toBe(start + 5 * 1000);
    expect(Object.keys(deliveries[0] ?? {})).not.toContain("payload");
  });

  it("fails a delivery whose secret was sealed under a key this process lacks, naming the key to add", async () => {
    const account = await createTestAccount(db, "webhook-key");
    await save(account, "https://hooks.example.com/a");
    const otherKey = randomBytes(32).toString("base64");
    const outcome = await deliverWebhook(
      {
        db,
        secretBox: createSecretBox(otherKey),
        dashboardUrl: "http://localhost:3000",
        allowPrivateNetworks: true,
      },
      {
        job: { event: "webhook.test", orgId: account.orgId },
        isFinalAttempt: true,
        recordDeliveryId: async () => undefined,
      },
    );
    const sealingKeyId = parseEncryptionKey(TEST_ENCRYPTION_KEY).id;
    expect(outcome).toMatchObject({ status: "failed", responseStatus: null });
    expect(outcome.status === "failed" && outcome.error).toContain(
      `Add key ${sealingKeyId} to GATEHOUSE_ENCRYPTION_PREVIOUS_KEYS`,
    );
  });
});
