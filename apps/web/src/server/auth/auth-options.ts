import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getEnv } from "@/env";
import { authorizeCredentials } from "@/server/auth/authorize-credentials";
import { completeOAuthSignIn } from "@/server/auth/oauth/complete-oauth-sign-in";
import { oauthProviders } from "@/server/auth/oauth/oauth-providers";
import { getServices } from "@/server/services";

// A working day: long enough not to interrupt, short enough that a stolen cookie expires soon.
const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

let cached: NextAuthOptions | undefined;

/** next-auth configuration: email + password, GitHub and Google when configured, JWT sessions. Built on first use. */
export function getAuthOptions(): NextAuthOptions {
  cached ??= buildAuthOptions();
  return cached;
}

function buildAuthOptions(): NextAuthOptions {
  return {
    secret: getEnv().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
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
