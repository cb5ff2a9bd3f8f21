import "server-only";
import { isGatehouseError } from "@gatehouse/core/errors/gatehouse-error";
import { OAUTH_PROVIDERS } from "@gatehouse/core/users/oauth-providers";
import { signInWithOAuth } from "@gatehouse/core/users/sign-in-with-oauth";
import type { Account, Profile, User } from "next-auth";
import { z } from "zod";
import { oauthSignInError } from "@/lib/sign-in-error";
import type { Services } from "@/server/services";

// Both providers' profiles carry these: Google's ID token natively, GitHub's from our own userinfo request.
const OAuthProfileSchema = z.object({
  email: z.string().nullish(),
  email_verified: z.boolean().nullish(),
});

/**
 * next-auth's signIn callback for GitHub and Google: finds or creates our user for the identity.
 * A refusal is thrown as a sign-in error code, which next-auth sends to the sign-in page to explain.
 */
export async function completeOAuthSignIn(
  services: Pick<Services, "db" | "logger">,
  params: { user: User; account: Account; profile: Profile | undefined },
): Promise<true> {
  const { user, account } = params;
  const provider = OAUTH_PROVIDERS.find((id) => id === account.provider);
  if (!provider) throw new Error(oauthSignInError(undefined, "invalid_input"));
  const profile = OAuthProfileSchema.safeParse(params.profile).data;
  try {
    const result = await signInWithOAuth({
      db: services.db,
      provider,
      providerAccountId: account.providerAccountId,
      email: profile?.email ?? "",
      emailVerified: profile?.email_verified === true,
      name: user.name,
    });
    // next-auth passes this same object to the jwt callback: the one way to hand it our user's id.
    Object.assign(user, { id: result.userId, name: result.name, email: result.email });
    if (result.isNewUser)
      services.logger.info({ provider, userId: result.userId }, "user signed up with OAuth");
    return true;
  } catch (error) {
    const reason = isGatehouseError(error) ? error.code : "internal";
    services.logger[reason === "internal" ? "error" : "warn"](
      { err: error, provider },
      "OAuth sign-in refused",
    );
    throw new Error(oauthSignInError(provider, reason));
  }
}
