import { describe, expect, it } from "vitest";
import { buildContentSecurityPolicy, createNonce } from "@/server/security/content-security-policy";
import { isSameOriginRequest, isUnsafeMethod } from "@/server/security/same-origin";
import { buildSecurityHeaders } from "@/server/security/security-headers";
import { isHttpsUrl, sessionCookie } from "@/server/security/session-cookie";

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split("; ").map((directive) => {
      const [name = "", ...sources] = directive.split(" ");
      return [name, sources];
    }),
  );
}

describe("buildContentSecurityPolicy", () => {
  const production = directives(buildContentSecurityPolicy({ nonce: "abc123==", isDevelopment: false }));

  it.each([
    ["default-src", ["'self'"]],
    ["script-src", ["'self'", "'nonce-abc123=='", "'strict-dynamic'"]],
    ["style-src", ["'self'", "'unsafe-inline'"]],
    ["img-src", ["'self'", "data:"]],
    ["font-src", ["'self'"]],
    ["connect-src", ["'self'"]],
    ["object-src", ["'none'"]],
    ["base-uri", ["'self'"]],
    ["form-action", ["'self'"]],
    ["frame-ancestors", ["'none'"]],
  ])("in production sets %s to %j", (name, sources) => {
    expect(production.get(name)).toEqual(sources);
  });

  it("never allows eval or inline scripts in production", () => {
    expect(production.get("script-src")).not.toContain("'unsafe-eval'");
    expect(production.get("script-src")).not.toContain("'unsafe-inline'");
  });

  it("allows eval in development only, for React's dev tooling", () => {
    const development = directives(buildContentSecurityPolicy({ nonce: "n", isDevelopment: true }));
    expect(development.get("script-src")).toEqual([
      "'self'",
      "'nonce-n'",
      "'strict-dynamic'",
      "'unsafe-eval'",
    ]);
  });
});

describe("createNonce", () => {
  it("makes a different 128-bit base64 value every time", () => {
    const nonces = new Set(Array.from({ length: 50 }, createNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});

describe("buildSecurityHeaders", () => {
  it("sends the fixed headers, and Strict-Transport-Security only over https", () => {
    const plain = buildSecurityHeaders({ isHttps: false });
    expect(plain).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
      "X-Frame-Options": "DENY",
      "Cross-Origin-Opener-Policy": "same-origin",
    });
    expect(plain["Permissions-Policy"]).toContain("camera=()");
    expect(plain["Permissions-Policy"]).toContain("microphone=()");
    expect(plain["Permissions-Policy"]).toContain("geolocation=()");
    expect(plain).not.toHaveProperty("Strict-Transport-Security");
    expect(buildSecurityHeaders({ isHttps: true })["Strict-Transport-Security"]).toMatch(/^max-age=\d+/);
  });
});

describe("isSameOriginRequest", () => {
  it.each([
    ["the same host", { origin: "http://dash.test:3000", host: "dash.test:3000" }, true],
    [
      "a forwarded host behind a reverse proxy",
      { origin: "https://dash.test", host: "web:3000", "x-forwarded-host": "dash.test" },
      true,
    ],
    ["another site", { origin: "https://evil.test", host: "dash.test" }, false],
    ["another port", { origin: "http://dash.test:4000", host: "dash.test:3000" }, false],
    ["an opaque origin", { origin: "null", host: "dash.test" }, false],
    ["no Origin at all", { host: "dash.test" }, false],
  ])("with %s answers %s", (_case, headers, expected) => {
    expect(isSameOriginRequest(new Headers(headers))).toBe(expected);
  });
});

describe("isUnsafeMethod", () => {
  it.each([
    ["GET", false],
    ["head", false],
    ["OPTIONS", false],
    ["POST", true],
    ["PUT", true],
    ["PATCH", true],
    ["DELETE", true],
  ])("%s -> %s", (method, expected) => {
    expect(isUnsafeMethod(method)).toBe(expected);
  });
});

describe("sessionCookie", () => {
  it("over https is __Secure- prefixed and Secure; always HttpOnly, SameSite=Lax, Path=/", () => {
    expect(isHttpsUrl("https://gatehouse.example.com")).toBe(true);
    expect(sessionCookie(true)).toEqual({
      name: "__Secure-next-auth.session-token",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: true },
    });
  });

  it("over plain http (local development) has no prefix and is not Secure", () => {
    expect(isHttpsUrl("http://127.0.0.1:3000")).toBe(false);
    expect(isHttpsUrl(undefined)).toBe(false);
    expect(sessionCookie(false)).toEqual({
      name: "next-auth.session-token",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: false },
    });
  });
});
