import "server-only";
import GitHubProvider from "next-auth/providers/github";
import { z } from "zod";

// A sign-in waits on these calls, so a GitHub that hangs fails the sign-in instead of the tab.
const GITHUB_TIMEOUT_MS = 10_000;

const GitHubUserSchema = z.looseObject({
  id: z.number(),
  login: z.string(),
  name: z
    .string()
    .nullish()
    .transform((name) => name ?? undefined),
});
const GitHubEmailsSchema = z.array(
  z.object({ email: z.string(), primary: z.boolean(), verified: z.boolean() }),
);

/** GitHub's REST API base: api.github.com for github.com, `<GITHUB_URL>/api/v3` for GitHub Enterprise Server. */
export function gitHubApiUrl(gitHubUrl: string): string {
  return new URL(gitHubUrl).hostname === "github.com" ? "https://api.github.com" : `${gitHubUrl}/api/v3`;
}

/**
 * Sign-in with GitHub (or GitHub Enterprise Server at `gitHubUrl`). Unlike next-auth's default,
 * the profile always carries the primary email from /user/emails with whether GitHub verified
 * it, because only a verified email may reach an existing account.
 */
export function gitHubProvider(options: { clientId: string; clientSecret: string; gitHubUrl: string }) {
  const { gitHubUrl } = options;
  const apiUrl = gitHubApiUrl(gitHubUrl);
  return GitHubProvider({
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    issuer: `${gitHubUrl}/login/oauth`,
    authorization: { url: `${gitHubUrl}/login/oauth/authorize`, params: { scope: "read:user user:email" } },
    token: `${gitHubUrl}/login/oauth/access_token`,
    userinfo: {
      url: `${apiUrl}/user`,
      request: ({ tokens }) => fetchGitHubProfile(apiUrl, tokens.access_token ?? ""),
    },
  });
}

async function fetchGitHubProfile(apiUrl: string, accessToken: string) {
  const [user, emails] = await Promise.all([
    getGitHubJson(`${apiUrl}/user`, accessToken, GitHubUserSchema),
    getGitHubJson(`${apiUrl}/user/emails`, accessToken, GitHubEmailsSchema),
  ]);
  const primary = emails.find((email) => email.primary) ?? emails[0];
  return { ...user, email: primary?.email, email_verified: primary?.verified === true };
}

async function getGitHubJson<T extends z.ZodType>(url: string, accessToken: string, schema: T) {
  const response = await fetch(url, {
    headers: {
      Authorization: `Bearer ${accessToken}`,
      Accept: "application/vnd.github+json",
      "User-Agent": "Gatehouse",
    },
    signal: AbortSignal.timeout(GITHUB_TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`GitHub answered ${url} with HTTP ${response.status}`);
  return schema.parse(await response.json()) as z.output<T>;
}
