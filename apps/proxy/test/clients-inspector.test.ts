import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ClientHome, createClientHome, packageBin } from "./compat/client-bins";
import { CLIENT_TEST_POLICY, PROD_DENIAL } from "./compat/client-policy";
import { node22Path } from "./compat/node-22";
import { runTool } from "./compat/run-tool";
import { firstText, proxyUrl, useTestbed } from "./proxy-harness";

const INSPECTOR_TIMEOUT_MS = 20_000;
const bed = useTestbed(1);
let url: string;
let home: ClientHome;

/**
 * Runs `mcp-inspector --cli <url> <args>` (the installed v2 CLI, under Node 22): the result it
 * printed, and the error it reported (the CLI exits non-zero, naming why, for an isError result).
 */
async function inspect(args: string[]): Promise<{ result: unknown; error: string }> {
  const bin = packageBin("@modelcontextprotocol/inspector", "clients/launcher/build/index.js");
  const run = await runTool(node22Path(), [bin, "--cli", url, ...args], {
    env: home.env,
    timeoutMs: INSPECTOR_TIMEOUT_MS,
  });
  const error = run.code === 0 ? "" : run.stderr;
  expect(run.stdout, `the Inspector printed no result:\n${run.stderr}`).toMatch(/^\{/);
  return { result: JSON.parse(run.stdout), error };
}

beforeAll(async () => {
  home = await createClientHome();
  const { token } = await bed.harness.grant(CLIENT_TEST_POLICY);
  url = proxyUrl(bed.proxy, token);
});

afterAll(async () => {
  await home?.remove();
});

describe("MCP Inspector (CLI mode) through Gatehouse", () => {
  it("lists only the tools the policy allows", async () => {
    const { result, error } = await inspect(["--method", "tools/list"]);
    expect(error).toBe("");
    expect((result as { tools: { name: string }[] }).tools.map((tool) => tool.name)).toEqual(["echo"]);
  });

  it("calls an allowed tool and gets the upstream's answer", async () => {
    const { result, error } = await inspect([
      "--method",
      "tools/call",
      "--tool-name",
      "echo",
      "--tool-arg",
      "message=hello",
    ]);
    expect(error).toBe("");
    expect(firstText(result)).toBe("Echo: hello");
  });

  it("gets the policy's refusal for a call the policy denies", async () => {
    const { result, error } = await inspect([
      "--method",
      "tools/call",
      "--tool-name",
      "echo",
      "--tool-arg",
      "message=prod-1",
    ]);
    expect(error).toContain("tool_is_error");
    expect(result).toMatchObject({ isError: true });
    expect(firstText(result)).toBe(PROD_DENIAL);
  });
});
