import { describe, expect, it } from "vitest";
import { AuthSearchSchema } from "@/app/(auth)/auth-search-params";
import { parseEnv } from "@/env";
import { describeSignInError, oauthSignInError } from "@/lib/sign-in-error";
import { gitHubApiUrl } from "@/server/auth/oauth/github-provider";
import { enabledOAuthProviders, oauthProviders } from "@/server/auth/oauth/oauth-providers";

const GITHUB = { GITHUB_CLIENT_ID: "gh-id", GITHUB_CLIENT_SECRET: "gh-secret" };
const GOOGLE = { GOOGLE_CLIENT_ID: "google-id", GOOGLE_CLIENT_SECRET: "google-secret" };

describe("OAuth environment", () => {
  it.each([
    [
      { GITHUB_CLIENT_ID: "gh-id" },
      "GITHUB_CLIENT_SECRET: Set both GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET, or neither.",
    ],
    [
      { GOOGLE_CLIENT_SECRET: "s" },
      "GOOGLE_CLIENT_ID: Set both GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET, or neither.",
    ],
    [{ GITHUB_URL: "github.example.com" }, "GITHUB_URL: Use https://github.com or your GitHub Enterprise"],
  ])("rejects %o naming the variables", (source, message) => {
    expect(() => parseEnv(source)).toThrow(message);
  });

  it("offers no provider by default, and each one whose id and secret are set", () => {
    expect(enabledOAuthProviders(parseEnv({}))).toEqual([]);
    expect(oauthProviders(parseEnv({}))).toEqual([]);
    expect(enabledOAuthProviders(parseEnv(GOOGLE))).toEqual([{ id: "google", name: "Google" }]);
    expect(enabledOAuthProviders(parseEnv({ ...GITHUB, ...GOOGLE }))).toEqual([
      { id: "github", name: "GitHub" },
      { id: "google", name: "Google" },
    ]);
  });

  it("talks to github.com by default and to a GitHub Enterprise Server at GITHUB_URL", () => {
    expect(parseEnv({}).GITHUB_URL).toBe("https://github.com");
    expect(gitHubApiUrl(parseEnv({}).GITHUB_URL)).toBe("https://api.github.com");
    const enterprise = parseEnv({ ...GITHUB, GITHUB_URL: "https://github.example.com/" });
    expect(gitHubApiUrl(enterprise.GITHUB_URL)).toBe("https://github.example.com/api/v3");
    const [github] = oauthProviders(enterprise);
    expect(github).toMatchObject({
      id: "github",
      options: {
        authorization: { url: "https://github.example.com/login/oauth/authorize" },
        token: "https://github.example.com/login/oauth/access_token",
        userinfo: { url: "https://github.example.com/api/v3/user" },
      },
    });
  });
});

describe("describeSignInError for GitHub and Google", () => {
  it.each([
    [
      oauthSignInError("github", "conflict"),
      "An account with this email already exists. Sign in with your password",
    ],
    [oauthSignInError("google", "forbidden"), "Google has not verified your email address"],
    [oauthSignInError("github", "internal"), "Could not sign in with GitHub. Try again"],
    ["OAuthCallback", "Signing in with your provider did not work."],
    ["OAuthRefused:constructor:conflict", "verify your email address with your provider"],
    ["Call 555-0100 to restore your account", "Could not sign in. Try again."],
  ])("explains %s", (code, message) => {
    expect(describeSignInError(code)).toContain(message);
  });
});

describe("the callback path after signing in", () => {
  it.each([
    [undefined, "/servers"],
    ["/invite/abc?x=1", "/invite/abc?x=1"],
    ["https://evil.example/", "/servers"],
    ["//evil.example/", "/servers"],
    ["/\\evil.example/", "/servers"],
    ["/sign-in?callbackUrl=/sign-in", "/servers"],
    [["/grants", "/servers"], "/servers"],
  ])("turns %o into %s", (callbackUrl, expected) => {
    expect(AuthSearchSchema.parse({ callbackUrl }).callbackUrl).toBe(expected);
  });
});
