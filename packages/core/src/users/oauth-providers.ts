/** The identity providers a person can sign in with besides email + password, by next-auth id, with their display names. */
export const OAUTH_PROVIDER_NAMES = { github: "GitHub", google: "Google" } as const;

export type OAuthProvider = keyof typeof OAUTH_PROVIDER_NAMES;

export const OAUTH_PROVIDERS = Object.keys(OAUTH_PROVIDER_NAMES) as [OAuthProvider, ...OAuthProvider[]];
