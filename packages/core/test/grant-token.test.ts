import { createHash } from "node:crypto";
import {
  buildProxyUrl,
  GRANT_TOKEN_PREFIX,
  hashGrantToken,
  issueGrantToken,
  looksLikeGrantToken,
} from "@gatehouse/core/grants/grant-token";
import { describe, expect, it } from "vitest";

describe("grant tokens", () => {
  it("issues ghg_ tokens carrying at least 256 random bits", () => {
    const { token, tokenHash, tokenPrefix } = issueGrantToken();
    expect(GRANT_TOKEN_PREFIX).toBe("ghg_");
    expect(token).toMatch(/^ghg_[A-Za-z0-9_-]{43}$/);
    const randomBits = Buffer.from(token.slice(4), "base64url").length * 8;
    expect(randomBits).toBeGreaterThanOrEqual(256);
    expect(tokenPrefix).toBe(token.slice(0, 10));
    expect(tokenHash).toBe(hashGrantToken(token));
  });

  it("never issues the same token twice", () => {
    const tokens = new Set(Array.from({ length: 200 }, () => issueGrantToken().token));
    expect(tokens.size).toBe(200);
  });

  it("hashes with SHA-256 hex, stably", () => {
    const token = issueGrantToken().token;
    const expected = createHash("sha256").update(token).digest("hex");
    expect(hashGrantToken(token)).toBe(expected);
    expect(hashGrantToken(token)).toBe(hashGrantToken(token));
    expect(hashGrantToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashGrantToken(`${token}x`)).not.toBe(expected);
  });

  it("recognises issued tokens", () => {
    for (let i = 0; i < 50; i++) expect(looksLikeGrantToken(issueGrantToken().token)).toBe(true);
  });

  it.each([
    ["empty", ""],
    ["prefix only", "ghg_"],
    ["wrong prefix", `ghx_${"a".repeat(43)}`],
    ["upper-case prefix", `GHG_${"a".repeat(43)}`],
    ["too short", `ghg_${"a".repeat(39)}`],
    ["too long", `ghg_${"a".repeat(65)}`],
    ["non-base64url characters", `ghg_${"a".repeat(42)}/`],
    ["padding", `ghg_${"a".repeat(42)}=`],
    ["a path segment", `ghg_${"a".repeat(43)}/mcp`],
  ])("rejects %s", (_label, value) => {
    expect(looksLikeGrantToken(value)).toBe(false);
  });

  it.each([
    ["https://proxy.example.com", "https://proxy.example.com/g/ghg_abc/mcp"],
    ["https://proxy.example.com/", "https://proxy.example.com/g/ghg_abc/mcp"],
    ["https://proxy.example.com///", "https://proxy.example.com/g/ghg_abc/mcp"],
    ["http://127.0.0.1:4000/base/", "http://127.0.0.1:4000/base/g/ghg_abc/mcp"],
  ])("builds the proxy URL from %s", (base, expected) => {
    expect(buildProxyUrl(base, "ghg_abc")).toBe(expected);
  });
});
