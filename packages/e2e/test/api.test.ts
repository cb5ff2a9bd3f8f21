import { createApiKey } from "@gatehouse/core/api-keys/create-api-key";
import { revokeApiKey } from "@gatehouse/core/api-keys/revoke-api-key";
import { createDb } from "@gatehouse/db/client";
import { createTestAccount } from "@gatehouse/testing/create-test-account";
import { eventually } from "@gatehouse/testing/eventually";
import { type RunningServer, startEverythingServer } from "@gatehouse/testing/start-everything-server";
import { TEST_DATABASE_URL, uniqueSuffix } from "@gatehouse/testing/test-env";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, createApiClient } from "../src/api-client";
import { signInInBrowser } from "../src/browser-account";
import { listImplementedApiOperations } from "../src/implemented-api-routes";
import { launchBrowser } from "../src/launch-browser";
import { type Stack, startStack } from "../src/start-stack";

const db = createDb(TEST_DATABASE_URL);
let stack: Stack;
let upstream: RunningServer;
// Org A does the whole flow; org B must see none of it.
let apiA: ApiClient;
let apiB: ApiClient;
let keys: { a: string; b: string; revoked: string };
const UPSTREAM_SECRET = `upstream-secret-${uniqueSuffix()}`;
const bodies: string[] = [];

async function newKey(label: string) {
  const account = await createTestAccount(db, label);
  const { apiKeyId, key } = await createApiKey({
    db,
    orgId: account.orgId,
    actor: account.actor,
    name: label,
  });
  return { ...account, apiKeyId, key };
}

beforeAll(async () => {
  const [a, b, revoked] = await Promise.all([newKey("api-a"), newKey("api-b"), newKey("api-revoked")]);
  await revokeApiKey({ db, orgId: revoked.orgId, actor: revoked.actor, apiKeyId: revoked.apiKeyId });
  keys = { a: a.key, b: b.key, revoked: revoked.key };
  [stack, upstream] = await Promise.all([startStack(), startEverythingServer()]);
  const client = (key: string | undefined) =>
    createApiClient({ baseUrl: stack.webUrl, key, onBody: (text) => bodies.push(text) });
  apiA = client(keys.a);
  apiB = client(keys.b);
});

afterAll(async () => {
  await Promise.all([stack?.stop(), upstream?.stop()]);
  await db.$disconnect();
});

async function toolNamesThrough(proxyUrl: string): Promise<string[]> {
  const agent = new Client({ name: "api-e2e-agent", version: "1.0.0" });
  await agent.connect(new StreamableHTTPClientTransport(new URL(proxyUrl)));
  try {
    return (await agent.listTools()).tools.map((tool) => tool.name).sort();
  } finally {
    await agent.close();
  }
}

describe("authentication", () => {
  it.each([
    ["no Authorization header", undefined],
    ["a malformed key", "gha_nope"],
    ["a well-formed unknown key", `gha_${"A".repeat(43)}`],
    ["a revoked key", "revoked"],
  ])("answers 401 JSON to %s", async (_label, key) => {
    const api = createApiClient({ baseUrl: stack.webUrl, key: key === "revoked" ? keys.revoked : key });
    for (const path of ["/api/v1/servers", "/api/v1/policies", "/api/v1/no-such-endpoint"]) {
      const response = await api.get(path);
      expect(response.status).toBe(401);
      expect(response.body.error).toMatchObject({ code: "unauthenticated", message: expect.any(String) });
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    }
  });

  it("answers an unknown path with a JSON 404 once the key is valid", async () => {
    const response = await apiA.post("/api/v1/no-such-endpoint", {});
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe("not_found");
  });
});

describe("the policy-as-code flow", () => {
  let serverId = "";
  let policyId = "";
  let grantId = "";
  let proxyUrl = "";
  const echoOnly = { version: "1", default: "deny", tools: { echo: {} } };

  it("registers a server without ever returning its headers", async () => {
    const invalid = await apiA.post("/api/v1/servers", {
      name: "x",
      transport: "streamable_http",
      url: "nope",
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error).toMatchObject({
      code: "invalid_input",
      fields: [{ field: "url", message: expect.any(String) }],
    });

    const created = await apiA.post("/api/v1/servers", {
      name: "everything",
      transport: "streamable_http",
      url: upstream.url,
      headers: { Authorization: `Bearer ${UPSTREAM_SECRET}` },
    });
    expect(created.status).toBe(201);
    expect(created.body.server).toMatchObject({
      name: "everything",
      status: "new",
      hasHeaders: true,
      url: upstream.url,
    });
    serverId = created.body.server.id;

    const duplicate = await apiA.post("/api/v1/servers", {
      name: "everything",
      transport: "sse",
      url: upstream.url,
    });
    expect(duplicate.status).toBe(409);
    expect(
      (await apiA.get("/api/v1/servers")).body.servers.map((server: { id: string }) => server.id),
    ).toContain(serverId);
  });

  it("discovers the server's tools", async () => {
    const discovered = await apiA.post(`/api/v1/servers/${serverId}/discover`);
    expect(discovered.status).toBe(200);
    expect(discovered.body.server.status).toBe("connected");
    expect(discovered.body.changes.added).toEqual(expect.arrayContaining(["echo", "get-sum"]));
    const tools = await apiA.get(`/api/v1/servers/${serverId}/tools`);
    expect(tools.body.tools.length).toBe(discovered.body.toolCount);
    expect(tools.body.tools.find((tool: { name: string }) => tool.name === "echo")).toMatchObject({
      removedAt: null,
      inputSchema: expect.objectContaining({ type: "object" }),
    });
  });

  it("validates documents, reporting each problem with its path", async () => {
    const good = await apiA.post("/api/v1/policies/validate", { document: echoOnly });
    expect(good).toMatchObject({ status: 200, body: { valid: true } });
    const bad = await apiA.post("/api/v1/policies/validate", {
      document: { version: "1", default: "deny", tools: { echo: { action: "maybe" } } },
    });
    expect(bad.status).toBe(200);
    expect(bad.body.valid).toBe(false);
    expect(bad.body.errors).toEqual([{ path: "tools.echo.action", message: expect.any(String) }]);
    const text = await apiA.post("/api/v1/policies/validate", { document: '{"version": "1",' });
    expect(text.body).toMatchObject({
      valid: false,
      errors: [{ message: expect.stringMatching(/line 1/i) }],
    });
    const missing = await apiA.post("/api/v1/policies/validate", {});
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields).toEqual([{ field: "document", message: expect.any(String) }]);
  });

  it("creates a policy, refusing an invalid document with the problem's path", async () => {
    const invalid = await apiA.post("/api/v1/policies", {
      serverId,
      name: "ci",
      document: { version: "1", default: "deny", tools: { echo: { action: "maybe" } } },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.fields).toEqual([
      { field: "document", message: expect.stringMatching(/^tools\.echo\.action: /) },
    ]);

    const created = await apiA.post("/api/v1/policies", {
      serverId,
      name: "ci",
      document: echoOnly,
      comment: "first",
    });
    expect(created.status).toBe(201);
    expect(created.body.policy).toMatchObject({
      name: "ci",
      currentVersion: 1,
      document: echoOnly,
      server: { id: serverId },
    });
    policyId = created.body.policy.id;
  });

  it("creates a grant whose token and proxy URL are returned once", async () => {
    const both = await apiA.post("/api/v1/grants", {
      serverId,
      name: "ci-agent",
      policyId,
      policy: echoOnly,
    });
    expect(both.status).toBe(400);
    const created = await apiA.post("/api/v1/grants", { serverId, name: "ci-agent", policyId });
    expect(created.status).toBe(201);
    const { grant, token } = created.body;
    expect(token).toMatch(/^ghg_[A-Za-z0-9_-]{43}$/);
    expect(created.body.proxyUrl).toBe(`${stack.proxyUrl}/g/${token}/mcp`);
    expect(grant).toMatchObject({
      name: "ci-agent",
      policy: { id: policyId, currentVersion: 1 },
      revokedAt: null,
    });
    grantId = grant.id;
    proxyUrl = created.body.proxyUrl;
    const fetched = await apiA.get(`/api/v1/grants/${grantId}`);
    expect(JSON.stringify(fetched.body)).not.toContain(token);
  });

  it("an MCP client on the proxy URL sees exactly the allowed tools", async () => {
    expect(await toolNamesThrough(proxyUrl)).toEqual(["echo"]);
  });

  it("saves a new version, which the proxy applies, and refuses a stale expectedVersion with 409", async () => {
    const wider = { version: "1", default: "deny", tools: { echo: {}, "get-sum": {} } };
    const saved = await apiA.put(`/api/v1/policies/${policyId}`, {
      document: wider,
      comment: "sums too",
      expectedVersion: 1,
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ policy: { currentVersion: 2, document: wider }, isPropagated: true });
    await eventually(
      async () => expect(await toolNamesThrough(proxyUrl)).toEqual(["echo", "get-sum"]),
      15_000,
    );

    const stale = await apiA.put(`/api/v1/policies/${policyId}`, { document: echoOnly, expectedVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({
      code: "conflict",
      message: expect.stringContaining("version 2"),
    });
    const typo = await apiA.put(`/api/v1/policies/${policyId}`, { document: echoOnly, expected_version: 2 });
    expect(typo.status).toBe(400);
    expect(typo.body.error.fields[0]).toMatchObject({
      field: "body",
      message: expect.stringContaining("expected_version"),
    });
  });

  it("lists versions and rolls back by saving the old document as a new version", async () => {
    const rolled = await apiA.post(`/api/v1/policies/${policyId}/rollback`, { toVersion: 1 });
    expect(rolled.status).toBe(200);
    expect(rolled.body.policy).toMatchObject({ currentVersion: 3, document: echoOnly });
    await eventually(async () => expect(await toolNamesThrough(proxyUrl)).toEqual(["echo"]));
    const versions = await apiA.get(`/api/v1/policies/${policyId}/versions`);
    expect(
      versions.body.versions.map((v: { version: number; comment: string }) => [v.version, v.comment]),
    ).toEqual([
      [3, "Rolled back to version 1"],
      [2, "sums too"],
      [1, "first"],
    ]);
    expect((await apiA.post(`/api/v1/policies/${policyId}/rollback`, { toVersion: 99 })).status).toBe(404);
  });

  it("moves the grant to another policy of the server", async () => {
    const open = await apiA.post("/api/v1/policies", {
      serverId,
      name: "open",
      document: JSON.stringify({ version: "1", default: "allow" }),
    });
    const moved = await apiA.put(`/api/v1/grants/${grantId}/policy`, { policyId: open.body.policy.id });
    expect(moved.status).toBe(200);
    expect(moved.body.grant.policy.id).toBe(open.body.policy.id);
    expect((await apiA.put(`/api/v1/grants/${grantId}/policy`, { policyId })).body.grant.policy.id).toBe(
      policyId,
    );
  });

  it("lists the proxy's audit events for the grant, newest first", async () => {
    const page = await eventually(async () => {
      const response = await apiA.get(`/api/v1/audit-events?grantId=${grantId}`);
      expect(response.body.events.map((event: { method: string }) => event.method)).toContain("tools/list");
      return response.body;
    });
    expect(page.nextCursor).toBeNull();
    expect(page.events[0]).toMatchObject({
      grantId,
      serverId,
      decision: "allow",
      occurredAt: expect.any(String),
    });
    const times = page.events.map((event: { occurredAt: string }) => event.occurredAt);
    expect(times).toEqual([...times].sort().reverse());
    const badFilter = await apiA.get("/api/v1/audit-events?decision=maybe");
    expect(badFilter.status).toBe(400);
    expect(badFilter.body.error.fields).toEqual([{ field: "decision", message: expect.any(String) }]);
  });

  it("revokes the grant, and the proxy URL stops working", async () => {
    const revoked = await apiA.post(`/api/v1/grants/${grantId}/revoke`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.grant.revokedAt).toEqual(expect.any(String));
    await eventually(() => expect(toolNamesThrough(proxyUrl)).rejects.toThrow(/401|revoked/i));
    expect((await apiA.put(`/api/v1/grants/${grantId}/policy`, { policyId })).status).toBe(409);
  });

  it("keeps org B out of everything of org A's", async () => {
    const ids = { server: serverId, policy: policyId, grant: grantId };
    const attempts = [
      apiB.get(`/api/v1/servers/${ids.server}`),
      apiB.get(`/api/v1/servers/${ids.server}/tools`),
      apiB.post(`/api/v1/servers/${ids.server}/discover`),
      apiB.get(`/api/v1/policies/${ids.policy}`),
      apiB.put(`/api/v1/policies/${ids.policy}`, { document: echoOnly }),
      apiB.get(`/api/v1/policies/${ids.policy}/versions`),
      apiB.post(`/api/v1/policies/${ids.policy}/rollback`, { toVersion: 1 }),
      apiB.get(`/api/v1/grants/${ids.grant}`),
      apiB.post(`/api/v1/grants/${ids.grant}/revoke`),
      apiB.put(`/api/v1/grants/${ids.grant}/policy`, { policyId: ids.policy }),
      apiB.post("/api/v1/policies", { serverId: ids.server, name: "stolen", document: echoOnly }),
      apiB.post("/api/v1/grants", { serverId: ids.server, name: "stolen", policyId: ids.policy }),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe("not_found");
    }
    expect((await apiB.get("/api/v1/servers")).body).toEqual({ servers: [] });
    expect((await apiB.get("/api/v1/policies")).body).toEqual({ policies: [] });
    expect((await apiB.get(`/api/v1/grants?serverId=${ids.server}`)).body).toEqual({ grants: [] });
    expect((await apiB.get(`/api/v1/audit-events?grantId=${ids.grant}`)).body).toEqual({
      events: [],
      nextCursor: null,
    });
    // A's policy is unchanged by B's attempts.
    expect((await apiA.get(`/api/v1/policies/${ids.policy}`)).body.policy.currentVersion).toBe(3);
  });

  it("never returned a secret in any response", () => {
    const all = bodies.join("\n");
    for (const secret of [
      UPSTREAM_SECRET,
      "tokenHash",
      "keyHash",
      "headersEncrypted",
      "envEncrypted",
      keys.a,
    ]) {
      expect(all).not.toContain(secret);
    }
  });
});

describe("the OpenAPI document and docs page", () => {
  it("describes exactly the implemented operations, without needing a key", async () => {
    const response = await fetch(`${stack.webUrl}/api/v1/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
    };
    expect(document.openapi).toBe("3.1.0");
    expect(document.components.securitySchemes.apiKey).toMatchObject({ type: "http", scheme: "bearer" });
    const described = Object.entries(document.paths)
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    const implemented = listImplementedApiOperations();
    expect(implemented.length).toBeGreaterThanOrEqual(19);
    expect(described).toEqual(implemented);
    // Every reference resolves to a schema the document defines.
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)];
    for (const [, name] of refs) expect(Object.keys(document.components.schemas)).toContain(name);
  });

  it("renders a readable reference at /docs/api", async () => {
    const response = await fetch(`${stack.webUrl}/docs/api`);
    expect(response.status).toBe(200);
    const html = await response.text();
    for (const path of [
      "/api/v1/policies/{id}/rollback",
      "/api/v1/audit-events",
      "expectedVersion",
      "PolicyVersion",
    ]) {
      expect(html).toContain(path);
    }
  });
});

describe("the API keys settings page", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function signIn(account: { email: string; password: string }): Promise<Page> {
    const context = await browser.newContext({ baseURL: stack.webUrl });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: stack.webUrl });
    const page = await context.newPage();
    await signInInBrowser(page, account);
    return page;
  }

  it("creates a key that is shown once and works until it is revoked", async () => {
    const page = await signIn(await createTestAccount(db, "api-settings"));
    await page.goto("/settings/api-keys");
    await page.getByText("No API keys yet").waitFor();
    await page.getByRole("button", { name: "Create API key" }).click();
    await page.getByTestId("name-error").waitFor();

    await page.getByLabel("Key name").fill("CI deploy");
    await page.getByRole("button", { name: "Create API key" }).click();
    const key = (await page.getByTestId("api-key").textContent())?.trim() ?? "";
    expect(key).toMatch(/^gha_[A-Za-z0-9_-]{43}$/);
    await page.getByRole("button", { name: "Copy" }).click();
    await page.getByTestId("copy-status").getByText("Copied to clipboard").waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
    const row = page.getByTestId("api-key-row").filter({ hasText: "CI deploy" });
    expect(await row.textContent()).toContain(key.slice(0, 10));

    const api = createApiClient({ baseUrl: stack.webUrl, key });
    expect((await api.get("/api/v1/servers")).status).toBe(200);
    await page.reload();
    expect(await page.getByTestId("api-key").count()).toBe(0);
    expect(await page.content()).not.toContain(key);
    expect(await row.textContent()).not.toContain("Never");

    await row.getByRole("button", { name: "Revoke" }).click();
    await row.getByRole("button", { name: "Confirm revoke" }).click();
    await row.getByText("Revoked").waitFor();
    expect((await api.get("/api/v1/servers")).status).toBe(401);
  });

  it("is closed to members who are not owners or admins", async () => {
    const viewer = await createTestAccount(db, "api-viewer");
    await db.membership.updateMany({ where: { userId: viewer.userId }, data: { role: "viewer" } });
    const page = await signIn(viewer);
    await page.goto("/settings/api-keys");
    await page.getByText("Only owners and admins can manage API keys").waitFor();
    expect(await page.getByRole("button", { name: "Create API key" }).count()).toBe(0);
  });
});
