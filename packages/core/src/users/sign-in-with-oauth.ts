import type { Db } from "@gatehouse/db/client";
import { Prisma } from "@gatehouse/db/models";
import { z } from "zod";
import { recordAdminEvent } from "../admin-trail/record-admin-event";
import { parseInput } from "../errors/field-errors";
import { GatehouseError } from "../errors/gatehouse-error";
import { createOwnerAccount } from "./create-owner-account";
import { OAUTH_PROVIDER_NAMES, OAUTH_PROVIDERS } from "./oauth-providers";

const MAX_NAME_CHARS = 100;
// Leaves room for "'s organisation" within an organisation name's 100 characters.
const MAX_NAME_IN_ORG_CHARS = 80;

const OAuthIdentitySchema = z.object({
  provider: z.enum(OAUTH_PROVIDERS),
  providerAccountId: z.string().min(1).max(200),
  email: z.string().trim().toLowerCase().pipe(z.email("The provider gave no valid email address.")),
  emailVerified: z.boolean(),
  name: z
    .string()
    .nullish()
    .transform((name) => name?.trim().slice(0, MAX_NAME_CHARS) ?? ""),
});
type OAuthIdentity = z.output<typeof OAuthIdentitySchema>;

/** The user a sign-in through GitHub or Google is for, and whether this sign-in created them. */
export type OAuthSignIn = { userId: string; name: string; email: string; isNewUser: boolean };

/**
 * Finds or creates the user for a GitHub or Google identity: the user it was linked to before;
 * else the user with the same email, linked now, when the provider has verified that email;
 * else a new user (no password) who owns a new organisation. An email the provider has not
 * verified never reaches an account, so nobody can claim or pre-create someone else's.
 */
export async function signInWithOAuth(options: { db: Db } & z.input<typeof OAuthIdentitySchema>) {
  const identity = parseInput(OAuthIdentitySchema, options);
  try {
    return await findOrCreateUser(options.db, identity);
  } catch (error) {
    // A concurrent first sign-in (or sign-up) with the same identity or email won the race; use its result.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return findOrCreateUser(options.db, identity);
    }
    throw error;
  }
}

async function findOrCreateUser(db: Db, identity: OAuthIdentity): Promise<OAuthSignIn> {
  const { provider, providerAccountId, email } = identity;
  const linked = await db.oAuthAccount.findUnique({
    where: { provider_providerAccountId: { provider, providerAccountId } },
    select: { user: { select: { id: true, name: true, email: true } } },
  });
  if (linked)
    return { userId: linked.user.id, name: linked.user.name, email: linked.user.email, isNewUser: false };
  const existing = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true },
  });
  if (!identity.emailVerified) throw unverifiedEmailError(identity, Boolean(existing));
  if (existing) {
    await linkIdentity(db, existing, identity);
    return { userId: existing.id, name: existing.name, email: existing.email, isNewUser: false };
  }
  return createUser(db, identity);
}

async function linkIdentity(db: Db, user: { id: string; name: string }, identity: OAuthIdentity) {
  const { provider, providerAccountId } = identity;
  const memberships = await db.membership.findMany({ where: { userId: user.id }, select: { orgId: true } });
  // A new way into the account is a security event, so every organisation the person belongs to sees it.
  await db.$transaction([
    db.oAuthAccount.create({ data: { userId: user.id, provider, providerAccountId }, select: { id: true } }),
    ...memberships.map(({ orgId }) =>
      recordAdminEvent(db, {
        orgId,
        actor: { type: "user", id: user.id, name: user.name },
        action: "user.oauth_linked",
        target: { id: user.id, name: user.name },
        details: { provider },
      }),
    ),
  ]);
}

async function createUser(db: Db, identity: OAuthIdentity): Promise<OAuthSignIn> {
  const { provider, providerAccountId, email } = identity;
  const name = identity.name || email.split("@")[0] || email;
  const { user } = await db.$transaction(async (tx) => {
    const created = await createOwnerAccount(tx, {
      email,
      name,
      passwordHash: null,
      organizationName: `${name.slice(0, MAX_NAME_IN_ORG_CHARS)}'s organisation`,
      details: { provider },
    });
    await tx.oAuthAccount.create({ data: { userId: created.user.id, provider, providerAccountId } });
    return created;
  });
  return { userId: user.id, name: user.name, email: user.email, isNewUser: true };
}

function unverifiedEmailError(identity: OAuthIdentity, hasAccount: boolean): GatehouseError {
  const providerName = OAUTH_PROVIDER_NAMES[identity.provider];
  const verifyThenRetry = `verify ${identity.email} with ${providerName}, then continue with ${providerName} again`;
  return hasAccount
    ? new GatehouseError(
        "conflict",
        `An account with this email already exists. Sign in with your password, or ${verifyThenRetry}.`,
      )
    : new GatehouseError(
        "forbidden",
        `${providerName} has not verified your email address: ${verifyThenRetry}.`,
      );
}
