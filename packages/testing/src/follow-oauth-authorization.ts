/**
 * Plays the browser at an authorization server that approves at once (start-oauth-upstream):
 * follows the authorization URL and returns the code and state it sent back to `redirectUri`.
 */
export async function followOAuthAuthorization(
  authorizationUrl: string,
  redirectUri: string,
): Promise<{ code: string; state: string }> {
  const response = await fetch(authorizationUrl, { redirect: "manual" });
  const location = new URL(response.headers.get("location") ?? "", authorizationUrl);
  if (`${location.origin}${location.pathname}` !== redirectUri) {
    throw new Error(
      `The authorization server answered ${response.status} without redirecting to ${redirectUri}.`,
    );
  }
  return { code: location.searchParams.get("code") ?? "", state: location.searchParams.get("state") ?? "" };
}
