import "server-only";
import GoogleProvider from "next-auth/providers/google";

// Google's published OpenID configuration, written out so a sign-in does not first fetch the discovery document.
const GOOGLE_ENDPOINTS = {
  issuer: "https://accounts.google.com",
  authorization: "https://accounts.google.com/o/oauth2/v2/auth",
  token: "https://oauth2.googleapis.com/token",
  jwks: "https://www.googleapis.com/oauth2/v3/certs",
};

/** Sign-in with Google; its ID token's `email_verified` claim says whether the email may reach an existing account. */
export function googleProvider(options: { clientId: string; clientSecret: string }) {
  return GoogleProvider({
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    wellKnown: undefined,
    issuer: GOOGLE_ENDPOINTS.issuer,
    authorization: { url: GOOGLE_ENDPOINTS.authorization, params: { scope: "openid email profile" } },
    token: GOOGLE_ENDPOINTS.token,
    jwks_endpoint: GOOGLE_ENDPOINTS.jwks,
  });
}
