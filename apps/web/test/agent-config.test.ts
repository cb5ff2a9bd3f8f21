import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { AGENT_CLIENTS } from "@/lib/agent-config/agent-clients";
import {
  type AgentEndpoint,
  type AgentSnippet,
  GRANT_TOKEN_PLACEHOLDER,
  toServerName,
} from "@/lib/agent-config/agent-endpoint";
import { claudeDesktop } from "@/lib/agent-config/claude-desktop";
import { quoteShellArg } from "@/lib/agent-config/shell-quote";

const ODD_NAME = `Bob's "agent" $HOME \`id\` & co`;
const TOKEN = "ghg_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde";

function endpointFor(name: string, proxy: string, token: string): AgentEndpoint {
  return { name, proxyUrl: `${proxy}/g/${token}/mcp`, bearerUrl: `${proxy}/mcp`, token };
}

const ENDPOINTS: [string, AgentEndpoint][] = [
  ["a plain name over https", endpointFor("support-bot", "https://proxy.example.com", TOKEN)],
  ["a name with quotes, spaces and $", endpointFor(ODD_NAME, "http://10.0.0.5:8080", TOKEN)],
  ["the placeholder token", endpointFor("Nightly CI", "http://127.0.0.1:4000", GRANT_TOKEN_PLACEHOLDER)],
];

const scratch = mkdtempSync(path.join(tmpdir(), "agent-config-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const snippetsOf = (endpoint: AgentEndpoint) =>
  AGENT_CLIENTS.flatMap((client) => client.build(endpoint).map((snippet) => ({ client, snippet })));

/** Every string anywhere in a parsed JSON value. */
function stringsIn(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, child]) => [key, ...stringsIn(child)]);
  }
  return [];
}

/** The arguments bash really passes to `claude` when it runs a snippet, with `claude` stubbed to print them. */
function argsBashPasses(command: string): string[] {
  const script = `claude() { printf '%s\\0' "$@"; }\n${command}`;
  const run = spawnSync("bash", ["-c", script], { encoding: "utf8" });
  expect(run.stderr).toBe("");
  return run.stdout.split("\0").slice(0, -1);
}

function checkSyntax(snippet: AgentSnippet): { status: number | null; stderr: string } {
  const file = path.join(scratch, snippet.language === "python" ? "agent.py" : "agent.mjs");
  writeFileSync(file, snippet.code);
  const [command, args] =
    snippet.language === "python"
      ? ["python3", ["-c", "import ast, sys; ast.parse(open(sys.argv[1]).read())", file]]
      : [process.execPath, ["--check", file]];
  const run = spawnSync(command, args, { encoding: "utf8" });
  return { status: run.status, stderr: run.stderr };
}

describe.each(ENDPOINTS)("snippets for %s", (_label, endpoint) => {
  const all = snippetsOf(endpoint);
  const serverName = toServerName(endpoint.name);

  it("offers every client the issue names", () => {
    expect(AGENT_CLIENTS.map((client) => client.label)).toEqual([
      "Claude Desktop",
      "Claude Code",
      "Cursor",
      "VS Code",
      "TypeScript SDK",
      "Python SDK",
    ]);
  });

  it.each(all.filter(({ snippet }) => snippet.language === "json"))(
    "$client.label $snippet.title parses, holds the URL exactly and a safe server name",
    ({ snippet }) => {
      const parsed = JSON.parse(snippet.code) as Record<string, Record<string, unknown>>;
      expect(stringsIn(parsed)).toContain(endpoint.proxyUrl);
      const servers = parsed.mcpServers ?? parsed.servers ?? {};
      expect(Object.keys(servers)).toEqual([serverName]);
    },
  );

  it("gives Claude Code the name and URL as bash reads them", () => {
    const [plain, header] = all.filter(({ client }) => client.id === "claude-code");
    expect(argsBashPasses(plain?.snippet.code ?? "")).toEqual([
      "mcp",
      "add",
      "--transport",
      "http",
      serverName,
      endpoint.proxyUrl,
    ]);
    expect(argsBashPasses(header?.snippet.code ?? "")).toEqual([
      "mcp",
      "add",
      "--transport",
      "http",
      serverName,
      endpoint.bearerUrl,
      "--header",
      `Authorization: Bearer ${endpoint.token}`,
    ]);
  });

  it.each(all.filter(({ snippet }) => snippet.language === "typescript" || snippet.language === "python"))(
    "$client.label snippet is valid code that uses the URL",
    ({ snippet }) => {
      expect(checkSyntax(snippet)).toEqual({ status: 0, stderr: "" });
      expect(snippet.code).toContain(JSON.stringify(endpoint.proxyUrl));
    },
  );
});

describe("toServerName", () => {
  it.each([
    ["support-bot", "support-bot"],
    ["Support Bot", "support-bot"],
    [ODD_NAME, "bob-s-agent-home-id-co"],
    ["Café Über_agent", "cafe-uber_agent"],
    ["  --leading and trailing--  ", "leading-and-trailing"],
    ["!!!", "gatehouse"],
    ["日本語", "gatehouse"],
    ["a".repeat(80), "a".repeat(48)],
  ])("%j becomes %j", (name, expected) => {
    expect(toServerName(name)).toBe(expected);
    expect(expected).toMatch(/^[a-z0-9][a-z0-9_-]*$/);
  });
});

describe("quoteShellArg", () => {
  it.each([
    "plain-value",
    "https://proxy.example.com/g/ghg_abc/mcp",
    ODD_NAME,
    "it's",
    "''",
    "$(echo injected) ; echo also-injected",
    "<GRANT_TOKEN>",
    "",
    "line\nbreak",
  ])("bash reads %j back unchanged", (value) => {
    expect(argsBashPasses(`claude ${quoteShellArg(value)}`)).toEqual([value]);
  });
});

describe("Claude Desktop through mcp-remote", () => {
  it.each([
    ["https://proxy.example.com", false],
    ["http://127.0.0.1:4000", false],
    ["http://localhost:4000", false],
    ["http://10.0.0.5:8080", true],
    ["http://gatehouse.internal", true],
  ])("for a proxy at %s passes --allow-http: %s", (proxy, isAllowHttp) => {
    const [, config] = claudeDesktop.build(endpointFor("agent", proxy, TOKEN));
    const parsed = JSON.parse(config?.code ?? "{}");
    const url = `${proxy}/g/${TOKEN}/mcp`;
    expect(parsed.mcpServers.agent).toEqual({
      command: "npx",
      args: ["-y", "mcp-remote", url, ...(isAllowHttp ? ["--allow-http"] : [])],
    });
  });
});
