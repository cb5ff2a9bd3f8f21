import { openRecord } from "@gatehouse/core/secrets/secret-box";
import { listServerCredentialNames } from "@gatehouse/core/servers/list-server-credential-names";
import { registerServer } from "@gatehouse/core/servers/register-server";
import type { RegisterServerInput } from "@gatehouse/core/servers/register-server-input";
import { updateServerCredentials } from "@gatehouse/core/servers/update-server-credentials";
import { createTestAccount } from "@gatehouse/testing/create-test-account";
import { uniqueSuffix } from "@gatehouse/testing/test-env";
import { beforeAll, describe, expect, it } from "vitest";
import {
  gatehouseFailure,
  recordingNotifier,
  type ServerConnection,
  testSecretBox,
  useTestDb,
} from "./test-support";

const db = useTestDb();
let account: Awaited<ReturnType<typeof createTestAccount>>;
let other: Awaited<ReturnType<typeof createTestAccount>>;

beforeAll(async () => {
  [account, other] = await Promise.all([
    createTestAccount(db, "credentials"),
    createTestAccount(db, "credentials-other"),
  ]);
});

async function register(connection: ServerConnection): Promise<string> {
  const { serverId } = await registerServer({
    db,
    secretBox: testSecretBox,
    orgId: account.orgId,
    actor: account.actor,
    allowStdio: true,
    allowPrivateNetworks: true,
    input: { ...connection, name: `credentials ${uniqueSuffix()}` } as RegisterServerInput,
  });
  return serverId;
}

const httpServer = () =>
  register({
    transport: "streamable_http",
    url: "http://127.0.0.1:9/mcp",
    headers: { Authorization: "Bearer old-value", "X-Tenant": "acme" },
  });

function update(serverId: string, change: { set?: Record<string, string>; remove?: string[] }) {
  const notifier = recordingNotifier();
  const result = updateServerCredentials({
    db,
    secretBox: testSecretBox,
    notify: notifier.notify,
    orgId: account.orgId,
    actor: account.actor,
    serverId,
    ...change,
  });
  return { result, changes: notifier.changes };
}

async function storedHeaders(serverId: string) {
  const row = await db.mcpServer.findUniqueOrThrow({ where: { id: serverId } });
  return openRecord(testSecretBox, row.headersEncrypted);
}

describe("updateServerCredentials", () => {
  it("replaces, adds and removes header values by name, telling the proxies and never returning a value", async () => {
    const serverId = await httpServer();
    const { result, changes } = update(serverId, {
      set: { authorization: "Bearer new-value", "X-Region": "eu-west" },
      remove: ["X-Tenant"],
    });
    const updated = await result;
    expect(updated).toEqual({
      added: ["X-Region"],
      replaced: ["authorization"],
      removed: ["X-Tenant"],
      names: ["authorization", "X-Region"],
      isPropagated: true,
    });
    expect(JSON.stringify(updated)).not.toMatch(/new-value|eu-west/);
    // Header names are case-insensitive: the stored "Authorization" is replaced, not joined by a second one.
    expect(await storedHeaders(serverId)).toEqual({
      authorization: "Bearer new-value",
      "X-Region": "eu-west",
    });
    expect(changes).toEqual([{ kind: "server_changed", serverId }]);
  });

  it("records names only in the admin trail", async () => {
    const serverId = await httpServer();
    await update(serverId, { set: { Authorization: "Bearer trail-secret" } }).result;
    const event = await db.adminEvent.findFirstOrThrow({
      where: { orgId: account.orgId, targetId: serverId, action: "server.credentials_changed" },
    });
    expect(event.details).toEqual({ kind: "headers", added: [], replaced: ["Authorization"], removed: [] });
    expect(JSON.stringify(event)).not.toContain("trail-secret");
  });

  it("changes a stdio server's env variables and removes the last one", async () => {
    const serverId = await register({
      transport: "stdio",
      command: "uvx",
      args: [],
      env: { API_TOKEN: "t-1" },
    });
    await update(serverId, { set: { API_TOKEN: "t-2", REGION: "eu" } }).result;
    const row = await db.mcpServer.findUniqueOrThrow({ where: { id: serverId } });
    expect(openRecord(testSecretBox, row.envEncrypted)).toEqual({ API_TOKEN: "t-2", REGION: "eu" });
    await update(serverId, { remove: ["API_TOKEN", "REGION"] }).result;
    expect((await db.mcpServer.findUniqueOrThrow({ where: { id: serverId } })).envEncrypted).toBeNull();
  });

  it("treats another organisation's server as not found and leaves it alone", async () => {
    const serverId = await httpServer();
    const before = await db.mcpServer.findUniqueOrThrow({ where: { id: serverId } });
    const failure = await gatehouseFailure(
      updateServerCredentials({
        db,
        secretBox: testSecretBox,
        notify: recordingNotifier().notify,
        orgId: other.orgId,
        actor: other.actor,
        serverId,
        set: { Authorization: "Bearer hijack" },
      }),
    );
    expect(failure).toMatchObject({ code: "not_found", message: "No such server in this organisation." });
    const after = await db.mcpServer.findUniqueOrThrow({ where: { id: serverId } });
    expect(after.headersEncrypted).toBe(before.headersEncrypted);
  });

  it.each([
    [{ set: { "Bad Header": "x" } }, "name", "Header names use letters, digits and - only."],
    [{ set: { Host: "evil.example" } }, "name", "This header is set by Gatehouse itself."],
    [{ set: { "X-Big": "x".repeat(8193) } }, "value", "Header values are limited to 8192 characters."],
    [{ remove: ["X-Missing"] }, "name", "No header named X-Missing is stored."],
    [
      { set: { "x-tenant": "a" }, remove: ["X-Tenant"] },
      "name",
      "Either replace or remove the header x-tenant, not both.",
    ],
    [{}, "name", "Enter a header name and value, or choose one to remove."],
  ])("refuses %o with a message on the %s field, storing nothing", async (change, field, message) => {
    const serverId = await httpServer();
    const failure = await gatehouseFailure(update(serverId, change).result);
    expect(failure).toMatchObject({ code: "invalid_input", fieldErrors: [{ field, message }] });
    expect(await storedHeaders(serverId)).toEqual({ Authorization: "Bearer old-value", "X-Tenant": "acme" });
  });

  it("applies registration's rules to env variable names", async () => {
    const serverId = await register({ transport: "stdio", command: "uvx", args: [], env: {} });
    const failure = await gatehouseFailure(update(serverId, { set: { "1-BAD": "x" } }).result);
    expect(failure.fieldErrors).toEqual([
      { field: "name", message: "Variable names use letters, digits and _ only." },
    ]);
  });
});

describe("listServerCredentialNames", () => {
  it("lists the names, sorted, and never a value", async () => {
    const serverId = await httpServer();
    const listed = await listServerCredentialNames({
      db,
      secretBox: testSecretBox,
      orgId: account.orgId,
      serverId,
    });
    expect(listed).toEqual({ kind: "headers", names: ["Authorization", "X-Tenant"] });
  });

  it("treats another organisation's server as not found", async () => {
    const serverId = await httpServer();
    const failure = await gatehouseFailure(
      listServerCredentialNames({ db, secretBox: testSecretBox, orgId: other.orgId, serverId }),
    );
    expect(failure.code).toBe("not_found");
  });
});
