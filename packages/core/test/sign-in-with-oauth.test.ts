import { signInWithOAuth } from "@gatehouse/core/users/sign-in-with-oauth";
import { verifyCredentials } from "@gatehouse/core/users/verify-credentials";
import { createTestAccount } from "@gatehouse/testing/create-test-account";
import { uniqueSuffix } from "@gatehouse/testing/test-env";
import { describe, expect, it } from "vitest";
import { gatehouseFailure, useTestDb } from "./test-support";

const db = useTestDb();

function newIdentity(provider: "github" | "google" = "github") {
  const suffix = uniqueSuffix();
  return {
    provider,
    providerAccountId: `id-${suffix}`,
    email: `grace-${suffix}@example.test`,
    emailVerified: true,
    name: `Grace ${suffix}`,
  };
}

async function ownedOrganizations(userId: string) {
  const memberships = await db.membership.findMany({ where: { userId }, include: { org: true } });
  return memberships.map((membership) => ({ name: membership.org.name, role: membership.role }));
}

describe("signInWithOAuth", () => {
  it("creates a password-less user who owns a new organisation named after them", async () => {
    const identity = newIdentity();
    const result = await signInWithOAuth({ db, ...identity, email: ` ${identity.email.toUpperCase()} ` });
    expect(result).toEqual({
      userId: expect.any(String),
      name: identity.name,
      email: identity.email,
      isNewUser: true,
    });
    const user = await db.user.findUniqueOrThrow({
      where: { id: result.userId },
      include: { oauthAccounts: true },
    });
    expect(user.passwordHash).toBeNull();
    expect(
      user.oauthAccounts.map(({ provider, providerAccountId }) => ({ provider, providerAccountId })),
    ).toEqual([{ provider: "github", providerAccountId: identity.providerAccountId }]);
    expect(await ownedOrganizations(result.userId)).toEqual([
      { name: `${identity.name}'s organisation`, role: "owner" },
    ]);
    const events = await db.adminEvent.findMany({ where: { targetId: result.userId } });
    expect(events.map(({ action, actorId, details }) => ({ action, actorId, details }))).toEqual([
      {
        action: "user.signed_up",
        actorId: result.userId,
        details: { organizationName: `${identity.name}'s organisation`, provider: "github" },
      },
    ]);
    // Without a password the account cannot be entered through the email + password form.
    expect(await verifyCredentials({ db, email: identity.email, password: "" })).toBeNull();
  });

  it("names the user after their email when the provider gives no name", async () => {
    const identity = { ...newIdentity("google"), name: null };
    const { userId } = await signInWithOAuth({ db, ...identity });
    const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(user.name).toBe(identity.email.split("@")[0]);
  });

  it("returns the same user on the next sign-in, even after the email changed, without another organisation", async () => {
    const identity = newIdentity();
    const first = await signInWithOAuth({ db, ...identity });
    const again = await signInWithOAuth({ db, ...identity, email: `renamed-${identity.email}` });
    expect(again).toEqual({ ...first, isNewUser: false });
    expect(await ownedOrganizations(first.userId)).toHaveLength(1);
  });

  it("links to the existing account with the same email when the provider verified it", async () => {
    const account = await createTestAccount(db, "linked");
    const identity = { ...newIdentity("google"), email: account.email.toUpperCase() };
    const result = await signInWithOAuth({ db, ...identity });
    expect(result).toMatchObject({ userId: account.userId, email: account.email, isNewUser: false });
    expect(await db.oAuthAccount.count({ where: { userId: account.userId, provider: "google" } })).toBe(1);
    expect(await ownedOrganizations(account.userId)).toHaveLength(1);
    const linked = await db.adminEvent.findMany({
      where: { orgId: account.orgId, action: "user.oauth_linked" },
    });
    expect(linked.map(({ actorId, targetId, details }) => ({ actorId, targetId, details }))).toEqual([
      { actorId: account.userId, targetId: account.userId, details: { provider: "google" } },
    ]);
    // The password keeps working next to the new way in.
    const byPassword = await verifyCredentials({ db, email: account.email, password: account.password });
    expect(byPassword?.id).toBe(account.userId);
  });

  it("refuses to link an email the provider has not verified, saying what to do", async () => {
    const account = await createTestAccount(db, "unverified");
    const identity = { ...newIdentity(), email: account.email, emailVerified: false };
    expect(await gatehouseFailure(signInWithOAuth({ db, ...identity }))).toEqual({
      code: "conflict",
      message: `An account with this email already exists. Sign in with your password, or verify ${account.email} with GitHub, then continue with GitHub again.`,
      fieldErrors: [],
    });
    expect(await db.oAuthAccount.count({ where: { userId: account.userId } })).toBe(0);
  });

  it("creates no account for an unverified email", async () => {
    const identity = { ...newIdentity("google"), emailVerified: false };
    const failure = await gatehouseFailure(signInWithOAuth({ db, ...identity }));
    expect(failure).toMatchObject({
      code: "forbidden",
      message: expect.stringContaining("Google has not verified"),
    });
    expect(await db.user.count({ where: { email: identity.email } })).toBe(0);
  });

  it("keeps the same account id at different providers apart", async () => {
    const github = newIdentity("github");
    const google = { ...newIdentity("google"), providerAccountId: github.providerAccountId };
    const fromGithub = await signInWithOAuth({ db, ...github });
    const fromGoogle = await signInWithOAuth({ db, ...google });
    expect(fromGoogle.userId).not.toBe(fromGithub.userId);
    expect(fromGoogle.email).toBe(google.email);
  });

  it("gives two simultaneous first sign-ins one user and one organisation", async () => {
    const identity = newIdentity();
    const [first, second] = await Promise.all([
      signInWithOAuth({ db, ...identity }),
      signInWithOAuth({ db, ...identity }),
    ]);
    expect(second?.userId).toBe(first?.userId);
    expect(await ownedOrganizations(first.userId)).toHaveLength(1);
  });
});
