import type { Actor } from "@gatehouse/core/admin-trail/admin-actor";
import { openRecord } from "@gatehouse/core/secrets/secret-box";
import { getServer } from "@gatehouse/core/servers/get-server";
import { listServers } from "@gatehouse/core/servers/list-servers";
import { parseKeyValueLines, parseLines } from "@gatehouse/core/servers/parse-key-value-lines";
import { registerServer } from "@gatehouse/core/servers/register-server";
import type { RegisterServerInput } from "@gatehouse/core/servers/register-server-input";
import { createTestAccount } from "@gatehouse/testing/create-test-account";
import { uniqueSuffix } from "@gatehouse/testing/test-env";
import { beforeAll, describe, expect, it } from "vitest";
import { gatehouseFailure, testSecretBox, useTestDb } from "./test-support";

const db = useTestDb();
let orgId: string;
let actor: Actor;

beforeAll(async () => {
  ({ orgId, actor } = await createTestAccount(db, "servers"));
});

function register(input: RegisterServerInput, allowStdio = false) {
  return registerServer({
    db,
    secretBox: testSecretBox,
    orgId,
    actor,
    allowStdio,
    allowPrivateNetworks: true,
    input,
  });
}

const SECRET_HEADERS = { Authorization: "Bearer sk-upstream-7f3a", "X-Tenant": "acme" };

describe("registerServer", () => {
  it("stores a streamable HTTP server with its headers sealed", async () => {
    const name = `mlflow ${uniqueSuffix()}`;
    const { serverId } = await register({
      name: ` ${name} `,
      transport: "streamable_http",
      url: " https://mcp.example.com/mcp ",
      headers: SECRET_HEADERS,
    });
    const row = await db.mcpServer.findUniqueOrThrow({ where: { id: serverId } });
    expect(row).toMatchObject({
      orgId,
      name,
      transport: "streamable_http",
      url: "https://mcp.example.com/mcp",
      command: null,
      args: [],
      envEncrypted: null,
      status: "new",
    });
    expect(row.headersEncrypted).toMatch(/^v2\./);
    expect(JSON.stringify(row)).not.toContain("sk-upstream-7f3a");
    expect(JSON.stringify(row)).not.toContain("Authorization");
    expect(openRecord(testSecretBox, row.headersEncrypted)).toEqual(SECRET_HEADERS);
  });

  it("stores no ciphertext when there are no headers", async () => {
    const { serverId } = await register({
      name: `plain ${uniqueSuffix()}`,
      transport: "sse",
      url: "http://127.0.0.1:9/sse",
    });
    const row = await db.mcpServer.findUniqueOrThrow({ where: { id: serverId } });
    expect(row).toMatchObject({ transport: "sse", headersEncrypted: null, envEncrypted: null });
  });

  it("never returns sealed secrets from getServer or listServers", async () => {
    const { serverId } = await register({
      name: `secretive ${uniqueSuffix()}`,
      transport: "streamable_http",
      url: "https://mcp.example.com/mcp",
      headers: SECRET_HEADERS,
    });
    const server = await getServer({ db, orgId, serverId });
    expect(server).not.toHaveProperty("headersEncrypted");
    expect(server).not.toHaveProperty("envEncrypted");
    expect(server).toMatchObject({ id: serverId, hasHeaders: true, hasEnv: false });
    const listed = await listServers({ db, orgId });
    const entry = listed.find((s) => s.id === serverId);
    expect(entry).toBeDefined();
    expect(entry).not.toHaveProperty("headersEncrypted");
    expect(entry).not.toHaveProperty("envEncrypted");
    const sealed = (await db.mcpServer.findUniqueOrThrow({ where: { id: serverId } })).headersEncrypted ?? "";
    expect(JSON.stringify([server, listed])).not.toContain(sealed);
  });

  it("refuses stdio servers unless the operator allows them", async () => {
    const name = `stdio ${uniqueSuffix()}`;
    const input: RegisterServerInput = {
      name,
      transport: "stdio",
      command: "uvx",
      args: ["mlflow-mcp"],
      env: { MLFLOW_TRACKING_URI: "http://mlflow:5000" },
    };
    const failure = await gatehouseFailure(register(input, false));
    const message =
      "This Gatehouse does not allow stdio servers, because their command runs on the gateway's host. An operator can enable them with GATEHOUSE_ALLOW_STDIO=true.";
    expect(failure).toEqual({ code: "forbidden", message, fieldErrors: [{ field: "transport", message }] });
    expect(await db.mcpServer.count({ where: { orgId, name } })).toBe(0);

    const { serverId } = await register(input, true);
    const row = await db.mcpServer.findUniqueOrThrow({ where: { id: serverId } });
    expect(row).toMatchObject({ transport: "stdio", command: "uvx", args: ["mlflow-mcp"], url: null });
    expect(row.envEncrypted).not.toContain("mlflow:5000");
    expect(openRecord(testSecretBox, row.envEncrypted)).toEqual({
      MLFLOW_TRACKING_URI: "http://mlflow:5000",
    });
    expect(await getServer({ db, orgId, serverId })).toMatchObject({ hasEnv: true, hasHeaders: false });
  });

  it("refuses a second server with the same name in the organisation", async () => {
    const name = `dup ${uniqueSuffix()}`;
    await register({ name, transport: "streamable_http", url: "https://a.example.com/mcp" });
    const failure = await gatehouseFailure(
      register({ name, transport: "streamable_http", url: "https://b.example.com/mcp" }),
    );
    const message = `A server named "${name}" already exists. Choose another name.`;
    expect(failure).toEqual({ code: "conflict", message, fieldErrors: [{ field: "name", message }] });
  });

  it.each<[string, RegisterServerInput, { field: string; message: string }[]]>([
    [
      "text that is not a URL",
      { name: "n", transport: "streamable_http", url: "not a url" },
      [{ field: "url", message: "Enter a full URL, e.g. https://mcp.example.com/mcp." }],
    ],
    [
      "an ftp URL",
      { name: "n", transport: "streamable_http", url: "ftp://files.example.com/mcp" },
      [{ field: "url", message: "Use an http:// or https:// URL." }],
    ],
    [
      "a header Gatehouse sets itself",
      { name: "n", transport: "streamable_http", url: "https://x.example/mcp", headers: { Host: "evil" } },
      [{ field: "headers.Host", message: "This header is set by Gatehouse itself." }],
    ],
    [
      "a header name with a space",
      { name: "n", transport: "sse", url: "https://x.example/sse", headers: { "X Key": "v" } },
      [{ field: "headers.X Key", message: "Header names use letters, digits and - only." }],
    ],
    [
      "a bad env variable name",
      { name: "n", transport: "stdio", command: "uvx", env: { "1BAD": "v" } },
      [{ field: "env.1BAD", message: "Variable names use letters, digits and _ only." }],
    ],
    [
      "a name with odd characters",
      { name: "a/b", transport: "streamable_http", url: "https://x.example/mcp" },
      [{ field: "name", message: "Use letters, digits, spaces and . _ : - only." }],
    ],
    [
      "an empty command",
      { name: "n", transport: "stdio", command: "  " },
      [{ field: "command", message: "Enter the command to run, e.g. uvx or npx." }],
    ],
  ])("rejects %s with a precise field error", async (_label, input, fieldErrors) => {
    const failure = await gatehouseFailure(register(input, true));
    expect(failure).toEqual({ code: "invalid_input", message: "Some fields need attention.", fieldErrors });
  });
});

describe("parseKeyValueLines", () => {
  const headerOptions = { separator: ":" as const, field: "headers", example: "Authorization: Bearer …" };

  it("parses one pair per line, trimming and skipping blank lines", () => {
    const text = "Authorization: Bearer a:b:c\r\n\n  X-Tenant :acme  \n";
    expect(parseKeyValueLines({ text, ...headerOptions })).toEqual({
      Authorization: "Bearer a:b:c",
      "X-Tenant": "acme",
    });
    expect(parseKeyValueLines({ text: "A=1\nB=x=y", separator: "=", field: "env", example: "A=1" })).toEqual({
      A: "1",
      B: "x=y",
    });
  });

  it.each([
    ["a line without the separator", "Authorization: x\n\nnot a header", 3],
    ["a line with an empty key", "A: 1\n: value", 2],
  ])("names the line number of %s", async (_label, text, line) => {
    const failure = await gatehouseFailure(
      Promise.resolve().then(() => parseKeyValueLines({ text, ...headerOptions })),
    );
    const message = `Line ${line} should look like "Authorization: Bearer …".`;
    expect(failure).toEqual({ code: "invalid_input", message, fieldErrors: [{ field: "headers", message }] });
  });

  it("splits arguments one per non-blank line", () => {
    expect(parseLines("  mlflow-mcp \n\n--port 3000\r\n")).toEqual(["mlflow-mcp", "--port 3000"]);
  });
});
