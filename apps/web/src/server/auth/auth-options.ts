import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getEnv } from "@/env";
import { authorizeCredentials } from "@/server/auth/authorize-credentials";
import { completeOAuthSignIn } from "@/server/auth/oauth/complete-oauth-sign-in";
import { oauthProviders } from "@/server/auth/oauth/oauth-providers";
import { isHttpsUrl, sessionCookie } from "@/server/security/session-cookie";
import { SESSION_MAX_AGE_SECONDS, sessionTokenCodec } from "@/server/security/session-token";
import { getServices } from "@/server/services";

let cached: NextAuthOptions | undefined;

/** next-auth configuration: email + password, GitHub and Google when configured, JWT sessions. Built on first use. */
export function getAuthOptions(): NextAuthOptions {
  cached ??= buildAuthOptions();
  return cached;
}

function buildAuthOptions(): NextAuthOptions {
  // Explicit rather than guessed per request, so the proxy looks for the same cookie name.
  const isHttps = isHttpsUrl(getEnv().NEXTAUTH_URL);
  return {
    secret: getEnv().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    jwt: sessionTokenCodec,
    useSecureCookies: isHttps,
    cookies: { sessionToken: sessionCookie(isHttps) },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        authorize: (raw, request) => authorizeCredentials(getServices(), raw, request.headers),
      }),
      ...oauthProviders(getEnv()),
    ],
    callbacks: {
      signIn({ user, account, profile }) {
        if (account?.type !== "oauth") return true;
        return completeOAuthSignIn(getServices(), { user, account, profile });
      },
      jwt({ token, user }) {
        if (user) token.userId = user.id;
        return token;
      },
      session({ session, token }) {
        session.user = { id: token.userId ?? "", name: token.name ?? "", email: token.email ?? "" };
        return session;
      },
    },
  };
}
