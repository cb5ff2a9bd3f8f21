import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ClientHome, createClientHome, packageBin } from "./compat/client-bins";
import { CLIENT_TEST_POLICY, PROD_DENIAL } from "./compat/client-policy";
import { firstText, proxyUrl, useTestbed } from "./proxy-harness";

const bed = useTestbed(1);
let home: ClientHome;
let agent: Client;
let stderr = "";

// The desktop clients' way to a remote server: they spawn `mcp-remote <url>` and speak stdio to it.
beforeAll(async () => {
  home = await createClientHome();
  const { token } = await bed.harness.grant(CLIENT_TEST_POLICY);
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [packageBin("mcp-remote", "dist/proxy.js"), proxyUrl(bed.proxy, token)],
    env: home.env,
    stderr: "pipe",
  });
  transport.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  agent = new Client({ name: "desktop-client", version: "1.0.0" });
  await agent.connect(transport).catch((error: unknown) => {
    throw new Error(`mcp-remote did not connect: ${error}\n${stderr}`);
  });
});

afterAll(async () => {
  await agent?.close();
  await home?.remove();
});

describe("mcp-remote (the stdio bridge desktop clients use) through Gatehouse", () => {
  it("lists only the tools the policy allows", async () => {
    const { tools } = await agent.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(["echo"]);
  });

  it("calls an allowed tool and gets the upstream's answer", async () => {
    const result = await agent.callTool({ name: "echo", arguments: { message: "hello" } });
    expect(result.isError).toBeFalsy();
    expect(firstText(result)).toBe("Echo: hello");
  });

  it("gets the policy's refusal for a call the policy denies, and for a hidden tool", async () => {
    const denied = await agent.callTool({ name: "echo", arguments: { message: "prod-1" } });
    expect(denied.isError).toBe(true);
    expect(firstText(denied)).toBe(PROD_DENIAL);
    const hidden = await agent.callTool({ name: "get-sum", arguments: { a: 2, b: 40 } });
    expect(firstText(hidden)).toBe("[POLICY DENIED] no maths");
  });
});
