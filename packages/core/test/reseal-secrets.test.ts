import { spawnSync } from "node:child_process";
import { createCipheriv, randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openApprovalRequest } from "@gatehouse/core/approvals/open-approval-request";
import { resealSecrets } from "@gatehouse/core/secrets/reseal-secrets";
import { resealValue } from "@gatehouse/core/secrets/reseal-value";
import { SEALED_COLUMNS } from "@gatehouse/core/secrets/sealed-columns";
import { createSecretBox, type SecretBox } from "@gatehouse/core/secrets/secret-box";
import { saveWebhook } from "@gatehouse/core/webhooks/save-webhook";
import { createDb, type Db } from "@gatehouse/db/client";
import { applyMigrations } from "@gatehouse/db/migrate/apply-migrations";
import { ensureDatabase } from "@gatehouse/db/migrate/ensure-database";
import { createTestGrant } from "@gatehouse/testing/create-test-grant";
import { TEST_DATABASE_URL, uniqueSuffix } from "@gatehouse/testing/test-env";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

// A rotation re-seals every row of every organisation, so it runs on a database of its own:
// on the shared test database it would re-seal other tests' rows under a key they lack.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const databaseUrl = Object.assign(new URL(TEST_DATABASE_URL), {
  pathname: `/gatehouse_reseal_${uniqueSuffix()}`,
}).toString();
const oldKey = randomBytes(32).toString("base64");
const newKey = randomBytes(32).toString("base64");
const oldBox = createSecretBox(oldKey);
const rotatingBox = createSecretBox(newKey, [oldKey]);
const newOnlyBox = createSecretBox(newKey);
let db: Db;

beforeAll(async () => {
  await ensureDatabase(databaseUrl);
  await applyMigrations({ databaseUrl, migrationsDir: path.join(ROOT, "prisma/migrations") });
  db = createDb(databaseUrl);
});

afterAll(async () => {
  await db?.$disconnect();
  const admin = createDb(Object.assign(new URL(databaseUrl), { pathname: "/postgres" }).toString());
  await admin.$executeRawUnsafe(
    `DROP DATABASE IF EXISTS "${new URL(databaseUrl).pathname.slice(1)}" WITH (FORCE)`,
  );
  await admin.$disconnect();
});

// Each test starts from an empty database, so counts are exact.
beforeEach(async () => {
  await db.organization.deleteMany();
  await db.user.deleteMany();
});

/** Seals in the v1 format Gatehouse wrote before keys had ids: v1.<iv>.<tag>.<body>. */
function sealLegacy(keyBase64: string, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", Buffer.from(keyBase64, "base64"), iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), body].map((part) => part.toString("base64url")).join(".");
}

const HEADERS = JSON.stringify({ Authorization: "Bearer upstream-secret" });
const ENV = JSON.stringify({ API_TOKEN: "env-secret" });
const ARGS = JSON.stringify({ dst: "prod-model" });
const OAUTH_CLIENT = JSON.stringify({ client: { client_id: "gatehouse", client_secret: "client-secret" } });
const OAUTH_TOKENS = JSON.stringify({ access_token: "upstream-access", refresh_token: "upstream-refresh" });
const OAUTH_FLOW = JSON.stringify({ codeVerifier: "pkce-verifier" });

/** One row in every sealed column: headers and webhook secret under the old key, env and arguments in legacy v1. */
async function seedSealedRows() {
  const grant = await createTestGrant(db, "reseal");
  const headers = await db.mcpServer.update({
    where: { id: grant.serverId },
    data: { headersEncrypted: oldBox.encrypt(HEADERS) },
  });
  const stdio = await db.mcpServer.create({
    data: {
      orgId: grant.orgId,
      name: `stdio ${uniqueSuffix()}`,
      transport: "stdio",
      command: "uvx",
      envEncrypted: sealLegacy(oldKey, ENV),
    },
  });
  const webhookInput = { db, secretBox: oldBox, orgId: grant.orgId, actor: grant.actor };
  const { secret } = await saveWebhook({
    ...webhookInput,
    url: "http://127.0.0.1:9/hook",
    allowPrivateNetworks: true,
  });
  const approval = await openApprovalRequest(
    { db, secretBox: oldBox },
    {
      ...{ orgId: grant.orgId, grantId: grant.grantId, serverId: grant.serverId, policyId: grant.policyId },
      ...{ kind: "tool", method: "tools/call", name: "copy_model", args: { dst: "prod-model" } },
      ...{ policyVersion: 1, rule: "/tools/copy_model", reason: "Needs a person.", sessionId: null },
      ...{ holderId: "reseal-test", timeoutSeconds: 600, reuseWindowSeconds: null, now: new Date() },
    },
  );
  await db.approvalRequest.update({
    where: { id: approval.id },
    data: { argumentsEncrypted: sealLegacy(oldKey, ARGS) },
  });
  await db.upstreamOAuthConnection.create({
    data: {
      orgId: grant.orgId,
      serverId: grant.serverId,
      clientEncrypted: oldBox.encrypt(OAUTH_CLIENT),
      tokensEncrypted: sealLegacy(oldKey, OAUTH_TOKENS),
    },
  });
  await db.upstreamOAuthAuthorization.create({
    data: {
      ...{ orgId: grant.orgId, serverId: grant.serverId, stateHash: `state-${uniqueSuffix()}` },
      ...{ flowEncrypted: oldBox.encrypt(OAUTH_FLOW), redirectUri: "http://127.0.0.1:9/callback" },
      ...{ createdById: grant.actor.id, expiresAt: new Date(Date.now() + 60_000) },
    },
  });
  return {
    orgId: grant.orgId,
    headersId: headers.id,
    stdioId: stdio.id,
    approvalId: approval.id,
    secret: secret ?? "",
  };
}

/** Every sealed value in the database, by column, in id order. */
async function readSealed() {
  const [servers, approvals, webhooks, connections, flows] = await Promise.all([
    db.mcpServer.findMany({ orderBy: { id: "asc" }, select: { headersEncrypted: true, envEncrypted: true } }),
    db.approvalRequest.findMany({ orderBy: { id: "asc" }, select: { argumentsEncrypted: true } }),
    db.webhookEndpoint.findMany({ orderBy: { id: "asc" }, select: { secretEncrypted: true } }),
    db.upstreamOAuthConnection.findMany({ orderBy: { id: "asc" } }),
    db.upstreamOAuthAuthorization.findMany({ orderBy: { id: "asc" }, select: { flowEncrypted: true } }),
  ]);
  return {
    headers: servers.map((row) => row.headersEncrypted).filter((value) => value !== null),
    env: servers.map((row) => row.envEncrypted).filter((value) => value !== null),
    arguments: approvals.map((row) => row.argumentsEncrypted).filter((value) => value !== null),
    secret: webhooks.map((row) => row.secretEncrypted),
    oauthClient: connections.map((row) => row.clientEncrypted).filter((value) => value !== null),
    oauthTokens: connections.map((row) => row.tokensEncrypted).filter((value) => value !== null),
    oauthFlow: flows.map((row) => row.flowEncrypted),
  };
}

function openAll(box: SecretBox, sealed: Awaited<ReturnType<typeof readSealed>>) {
  return Object.fromEntries(
    Object.entries(sealed).map(([column, values]) => [column, values.map((value) => box.decrypt(value))]),
  );
}

const counts = (reports: Awaited<ReturnType<typeof resealSecrets>>) =>
  Object.fromEntries(
    reports.map((report) => [report.column, [report.found, report.resealed, report.failed.length]]),
  );

describe("resealSecrets", () => {
  it("covers every sealed column in the schema", async () => {
    const columns = await db.$queryRaw<{ table: string; column: string }[]>`
      SELECT table_name::text AS "table", column_name::text AS "column" FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name LIKE '%Encrypted' ORDER BY 1, 2`;
    expect(columns).toEqual(
      [...SEALED_COLUMNS].sort((a, b) => `${a.table}.${a.column}`.localeCompare(`${b.table}.${b.column}`)),
    );
  });

  it("re-seals old-key and legacy values under the new key, readable with the new key alone; a second run does nothing", async () => {
    const seeded = await seedSealedRows();
    const reports = await resealSecrets({ db, secretBox: rotatingBox, batchSize: 1 });
    const all = [1, 1, 0];
    expect(counts(reports)).toEqual({
      "McpServer.headersEncrypted": all,
      "McpServer.envEncrypted": all,
      "ApprovalRequest.argumentsEncrypted": all,
      "WebhookEndpoint.secretEncrypted": all,
      "UpstreamOAuthConnection.clientEncrypted": all,
      "UpstreamOAuthConnection.tokensEncrypted": all,
      "UpstreamOAuthAuthorization.flowEncrypted": all,
    });
    const sealed = await readSealed();
    for (const value of Object.values(sealed).flat())
      expect(value.startsWith(newOnlyBox.currentPrefix)).toBe(true);
    expect(openAll(newOnlyBox, sealed)).toEqual({
      headers: [HEADERS],
      env: [ENV],
      arguments: [ARGS],
      secret: [seeded.secret],
      oauthClient: [OAUTH_CLIENT],
      oauthTokens: [OAUTH_TOKENS],
      oauthFlow: [OAUTH_FLOW],
    });

    const again = await resealSecrets({ db, secretBox: rotatingBox });
    expect(reports.map((report) => report.column)).toEqual(again.map((report) => report.column));
    for (const report of again) expect(report).toMatchObject({ found: 0, resealed: 0, failed: [] });
    expect(await readSealed()).toEqual(sealed);
  });

  it("changes nothing in a dry run, reporting what it would re-seal", async () => {
    await seedSealedRows();
    const before = await readSealed();
    const reports = await resealSecrets({ db, secretBox: rotatingBox, isDryRun: true });
    expect(reports.every((report) => report.found === 1 && report.resealed === 1)).toBe(true);
    expect(await readSealed()).toEqual(before);
  });

  it("leaves a value it cannot open as it was and names its row and key", async () => {
    const { headersId } = await seedSealedRows();
    const stranger = createSecretBox(randomBytes(32).toString("base64"));
    const unopenable = stranger.encrypt(HEADERS);
    await db.mcpServer.update({ where: { id: headersId }, data: { headersEncrypted: unopenable } });
    const reports = await resealSecrets({ db, secretBox: rotatingBox });
    const headers = reports.find((report) => report.column === "McpServer.headersEncrypted");
    expect(headers?.failed).toEqual([
      { id: headersId, reason: expect.stringContaining(`key ${stranger.currentKeyId}`) },
    ]);
    const row = await db.mcpServer.findUniqueOrThrow({ where: { id: headersId } });
    expect(row.headersEncrypted).toBe(unopenable);
    expect(reports.filter((report) => report !== headers).every((report) => report.resealed === 1)).toBe(
      true,
    );
  });
});

describe("resealValue", () => {
  const target = { table: "McpServer", column: "headersEncrypted" };

  it("never overwrites an edit made between its read and its write", async () => {
    const { headersId } = await seedSealedRows();
    const stale = (await db.mcpServer.findUniqueOrThrow({ where: { id: headersId } })).headersEncrypted ?? "";
    // A process not yet restarted saves new headers under the old key: they are re-sealed, not the stale ones.
    const edited = JSON.stringify({ Authorization: "Bearer edited-meanwhile" });
    await db.mcpServer.update({
      where: { id: headersId },
      data: { headersEncrypted: oldBox.encrypt(edited) },
    });
    const outcome = await resealValue({ db, secretBox: rotatingBox, target, id: headersId, sealed: stale });
    expect(outcome).toBe("resealed");
    const row = await db.mcpServer.findUniqueOrThrow({ where: { id: headersId } });
    expect(newOnlyBox.decrypt(row.headersEncrypted ?? "")).toBe(edited);

    // A process already on the new key saves again: that value is left exactly as written.
    const current = rotatingBox.encrypt(JSON.stringify({ Authorization: "Bearer newest" }));
    await db.mcpServer.update({ where: { id: headersId }, data: { headersEncrypted: current } });
    const second = await resealValue({ db, secretBox: rotatingBox, target, id: headersId, sealed: stale });
    expect(second).toBe("current");
    expect((await db.mcpServer.findUniqueOrThrow({ where: { id: headersId } })).headersEncrypted).toBe(
      current,
    );
  });
});

describe("npm run secrets:rotate", () => {
  it("re-seals through the real command, prints counts per column and exits non-zero naming rows it cannot open", async () => {
    const { stdioId } = await seedSealedRows();
    const stranger = createSecretBox(randomBytes(32).toString("base64"));
    await db.mcpServer.update({ where: { id: stdioId }, data: { envEncrypted: stranger.encrypt(ENV) } });
    const result = spawnSync("npm", ["run", "--silent", "secrets:rotate"], {
      cwd: ROOT,
      encoding: "utf8",
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        GATEHOUSE_ENCRYPTION_KEY: newKey,
        GATEHOUSE_ENCRYPTION_PREVIOUS_KEYS: ` ${oldKey} `,
      },
    });
    expect(result.stdout).toContain(`re-sealing under key ${rotatingBox.currentKeyId}`);
    expect(result.stdout).toContain("McpServer.headersEncrypted: 1 re-sealed");
    expect(result.stdout).toContain("WebhookEndpoint.secretEncrypted: 1 re-sealed");
    expect(result.stdout).toContain("McpServer.envEncrypted: 0 re-sealed, 1 failed");
    expect(result.stderr).toContain(
      `McpServer.envEncrypted row ${stdioId}: GATEHOUSE_ENCRYPTION_KEY is not the key`,
    );
    expect(result.stderr).toContain(`key ${stranger.currentKeyId}`);
    expect(`${result.stdout}${result.stderr}`).not.toContain(newKey);
    expect(result.status).toBe(1);
    const sealed = await readSealed();
    expect(sealed.headers.every((value) => value.startsWith(newOnlyBox.currentPrefix))).toBe(true);
  });
});
