import { describe, expect, it } from "vitest";
import {
  argumentsToLog,
  type JsonValue,
  MAX_LOGGED_ARGUMENT_BYTES,
  REDACTED,
  redactArguments,
  TRUNCATED,
} from "../src/redact-arguments";

const PEM = [
  "-----BEGIN RSA PRIVATE KEY-----",
  "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun",
  "-----END RSA PRIVATE KEY-----",
].join("\n");
const JWT =
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

describe("redactArguments: field names", () => {
  it.each([
    "password",
    "Password",
    "db_password",
    "secret",
    "client_secret",
    "token",
    "accessToken",
    "refresh-token",
    "api_key",
    "apiKey",
    "X-API-KEY",
    "authorization",
    "Authorization",
    "auth",
    "private_key",
    "privateKey",
    "credentials",
    "cookie",
    "passphrase",
  ])("masks the value of %s whatever it looks like", (key) => {
    expect(redactArguments({ [key]: "plain words", other: "kept" })).toEqual({
      [key]: REDACTED,
      other: "kept",
    });
  });

  it.each(["max_tokens", "tokens", "author", "keyword", "name", "path"])("keeps %s", (key) => {
    expect(redactArguments({ [key]: 42 })).toEqual({ [key]: 42 });
  });

  it("masks whole objects and arrays under a secret name and keeps null", () => {
    const input = { secret: { nested: ["a", 1] }, token: null, user: { password: 123 } };
    expect(redactArguments(input)).toEqual({ secret: REDACTED, token: null, user: { password: REDACTED } });
  });
});

describe("redactArguments: value patterns", () => {
  it.each([
    ["an OpenAI key", "use sk-proj-abcdefghijklmnop1234 now", `use ${REDACTED} now`],
    ["an Anthropic key", "sk-ant-api03-abcdefghijklmnopqrst", REDACTED],
    ["a GitHub token", "ghp_abcdefghijklmnopqrstuvwxyz012345", REDACTED],
    ["a fine-grained GitHub token", "github_pat_11ABCDEFG0abcdefghijklmn", REDACTED],
    ["a Slack token", "xoxb-1234567890-abcdefghij", REDACTED],
    ["an AWS access key id", "key AKIAIOSFODNN7EXAMPLE here", `key ${REDACTED} here`],
    ["a JWT", `token=${JWT}`, `token=${REDACTED}`],
    ["a bearer header", "Authorization: Bearer abc.def-ghi_jkl", `Authorization: Bearer ${REDACTED}`],
    ["a PEM private key", `key:\n${PEM}\nend`, `key:\n${REDACTED}\nend`],
    ["a truncated PEM private key", PEM.slice(0, 60), REDACTED],
    ["a Gatehouse grant token", "ghg_abcdefghijklmnopqrstuvwxyz0123456789ABCD", REDACTED],
    [
      "a long hex secret",
      "sig 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
      `sig ${REDACTED}`,
    ],
    ["a long base64 secret", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", REDACTED],
    ["a URL password", "postgres://app:hunter2@db:5432/x", `postgres://app:${REDACTED}@db:5432/x`],
    [
      "a password in a query string",
      "/login?user=bob&password=hunter2&x=1",
      `/login?user=bob&password=${REDACTED}&x=1`,
    ],
    ["a secret in embedded JSON", '{"api_key":"abc123"}', `{"api_key":"${REDACTED}"}`],
  ])("masks %s and keeps the rest of the string", (_name, input, expected) => {
    expect(redactArguments({ text: input })).toEqual({ text: expected });
  });

  it.each([
    "hello world",
    "max_tokens=100",
    "https://example.com/docs/page",
    "550e8400-e29b-41d4-a716-446655440000",
    "a_perfectly_ordinary_long_identifier_name_here",
    "sk-short",
  ])("keeps %j", (text) => {
    expect(redactArguments({ text })).toEqual({ text });
  });

  it("walks nested objects and arrays, keeping numbers, booleans and null", () => {
    const input: JsonValue = {
      query: "select 1",
      options: { limit: 5, verbose: true, nothing: null },
      headers: [{ name: "x", value: "Bearer abcdefghijk" }, ["ghp_abcdefghijklmnopqrstuvwxyz012345", 7]],
    };
    expect(redactArguments(input)).toEqual({
      query: "select 1",
      options: { limit: 5, verbose: true, nothing: null },
      headers: [{ name: "x", value: `Bearer ${REDACTED}` }, [REDACTED, 7]],
    });
  });
});

describe("argumentsToLog", () => {
  const args = { query: "select 1", password: "hunter2", note: "sk-abcdefghijklmnopqrst" };

  it.each([
    ["keys", null],
    [undefined, null],
    ["redacted", { query: "select 1", password: REDACTED, note: REDACTED }],
    ["full", args],
  ] as const)("stores %s as %j", (mode, expected) => {
    expect(argumentsToLog(args, mode)).toEqual(expected);
  });

  it.each(["redacted", "full"] as const)("cuts long strings in %s mode with a marker", (mode) => {
    const logged = argumentsToLog({ text: "word ".repeat(1000) }, mode) as { text: string };
    expect(logged.text.length).toBeLessThan(1100);
    expect(logged.text.endsWith(TRUNCATED)).toBe(true);
  });

  it("masks a secret straddling the cut of a long string", () => {
    // Cut first, only 24 of the 64 hex digits would remain: too few to be recognised.
    const text = `${"x ".repeat(500)}${"0123456789abcdef".repeat(4)}${" y".repeat(1000)}`;
    const logged = argumentsToLog({ text }, "redacted") as { text: string };
    expect(logged.text).toContain(REDACTED);
    expect(logged.text).not.toContain("0123456789abcdef");
  });

  it("replaces arguments over the size cap by a marker with a prefix", () => {
    const many = Object.fromEntries(
      Array.from({ length: 500 }, (_, i) => [`field${i}`, "value ".repeat(10)]),
    );
    const logged = argumentsToLog(many, "full") as Record<string, string>;
    expect(logged[TRUNCATED]).toMatch(/^\d+ bytes$/);
    expect(logged.prefix?.startsWith('{"field0":"value')).toBe(true);
    expect(new TextEncoder().encode(JSON.stringify(logged)).length).toBeLessThanOrEqual(
      MAX_LOGGED_ARGUMENT_BYTES,
    );
  });

  it("cuts nesting deeper than 32 levels", () => {
    let deep: JsonValue = "bottom";
    for (let i = 0; i < 100; i++) deep = [deep];
    expect(JSON.stringify(argumentsToLog({ deep }, "full"))).toContain(TRUNCATED);
    expect(JSON.stringify(argumentsToLog({ deep }, "full"))).not.toContain("bottom");
  });
});
