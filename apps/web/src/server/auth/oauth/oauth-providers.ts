import "server-only";
import {
  OAUTH_PROVIDER_NAMES,
  OAUTH_PROVIDERS,
  type OAuthProvider,
} from "@gatehouse/core/users/oauth-providers";
import type { Provider } from "next-auth/providers/index";
import type { Env } from "@/env";
import { gitHubProvider } from "./github-provider";
import { googleProvider } from "./google-provider";

type OAuthClient = { clientId: string; clientSecret: string };

/** The next-auth providers for the OAuth apps the environment configures; none by default. */
export function oauthProviders(env: Env): Provider[] {
  return OAUTH_PROVIDERS.flatMap((id): Provider[] => {
    const client = oauthClient(env, id);
    if (!client) return [];
    return id === "github"
      ? [gitHubProvider({ ...client, gitHubUrl: env.GITHUB_URL })]
      : [googleProvider(client)];
  });
}

/** The configured providers' ids and display names, for the sign-in buttons (nothing secret). */
export function enabledOAuthProviders(env: Env): { id: OAuthProvider; name: string }[] {
  return OAUTH_PROVIDERS.filter((id) => oauthClient(env, id)).map((id) => ({
    id,
    name: OAUTH_PROVIDER_NAMES[id],
  }));
}

function oauthClient(env: Env, id: OAuthProvider): OAuthClient | undefined {
  const [clientId, clientSecret] =
    id === "github"
      ? [env.GITHUB_CLIENT_ID, env.GITHUB_CLIENT_SECRET]
      : [env.GOOGLE_CLIENT_ID, env.GOOGLE_CLIENT_SECRET];
  return clientId && clientSecret ? { clientId, clientSecret } : undefined;
}
