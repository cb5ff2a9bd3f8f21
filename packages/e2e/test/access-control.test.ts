import { createInvitation } from "@gatehouse/core/invitations/create-invitation";
import { revokeInvitation } from "@gatehouse/core/invitations/revoke-invitation";
import { createDb } from "@gatehouse/db/client";
import type { Role } from "@gatehouse/db/models";
import { type RunningServer, startEverythingServer } from "@gatehouse/testing/start-everything-server";
import { TEST_DATABASE_URL, uniqueSuffix } from "@gatehouse/testing/test-env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_KEY_ROLE } from "../../../apps/web/src/server/api/api-key-role";
import { can } from "../../../apps/web/src/server/auth/permissions";
import { type AccessFixtures, createAccessFixtures, ROLES } from "../src/access/access-fixtures";
import { COVERAGE } from "../src/access/coverage";
import { type Context, type CoverageEntry, countAdminEvents } from "../src/access/coverage-builders";
import { enumerateEntryPoints } from "../src/access/enumerate-entry-points";
import {
  type Exercised,
  expectAllowed,
  expectForbidden,
  expectNotFound,
  isAllowed,
} from "../src/access/expect-outcome";
import { memberships } from "../src/access/member-resources";
import { type Caller, performCall } from "../src/access/perform-call";
import { signIn } from "../src/access/sign-in";
import { createStackSecrets } from "../src/held-calls";
import { type Stack, startStack } from "../src/start-stack";

const db = createDb(TEST_DATABASE_URL);
const { encryptionKey, secretBox } = createStackSecrets();
const { keys, actions } = enumerateEntryPoints();
// A whole grant token (a stored prefix such as ghg_abc123 is shorter).
const GRANT_TOKEN = /ghg_[A-Za-z0-9_-]{40,}/;
let stack: Stack;
let upstream: RunningServer;
let fx: AccessFixtures;
let sessions: Record<Role, Caller>;
let outsider: Caller;
type Who = Role | "api key" | "org B";
const responses: { who: Who; label: string; text: string }[] = [];

beforeAll(async () => {
  [stack, upstream] = await Promise.all([
    startStack({ env: { GATEHOUSE_ENCRYPTION_KEY: encryptionKey } }),
    startEverythingServer(),
  ]);
  fx = await createAccessFixtures({ db, secretBox }, upstream.url);
  const signedIn = await Promise.all(ROLES.map((role) => signIn(stack.webUrl, fx.members[role])));
  sessions = Object.fromEntries(ROLES.map((role, index) => [role, signedIn[index]])) as Record<Role, Caller>;
  outsider = await signIn(stack.webUrl, fx.outsider);
});

afterAll(async () => {
  await Promise.all([stack?.stop(), upstream?.stop()]);
  await db.$disconnect();
});

const context = (): Context => ({ db, secretBox, fx, upstreamUrl: upstream.url, fresh: {} });

async function exercise(key: string, entry: CoverageEntry, who: Who): Promise<Exercised> {
  const current = context();
  current.fresh = (await entry.prepare?.(current)) ?? {};
  const stateBefore = await entry.state?.(current);
  const before = await countAdminEvents(db, fx.orgId);
  const call = entry.call(current);
  const outcome = await performCall(stack.webUrl, callerOf(entry, who), call, actions.get(key)?.id);
  const writes = (await countAdminEvents(db, fx.orgId)) - before;
  const stateAfter = await entry.state?.(current);
  await entry.restore?.(current);
  const label = `${key} as ${who} → HTTP ${outcome.status} ${outcome.text.slice(0, 300)}`;
  responses.push({ who, label, text: outcome.text });
  return { kind: call.kind, outcome, writes, states: [stateBefore, stateAfter], label };
}

function callerOf(entry: CoverageEntry, who: Who): Caller {
  if (who === "org B") return entry.caller === "api key" ? { apiKey: fx.outsiderApiKey } : outsider;
  return who === "api key" ? { apiKey: fx.apiKey } : sessions[who];
}

/** Posts one server action's form as `caller`, outside the coverage table. */
function postAction(key: string, caller: Caller, page: string, fields: Record<string, string>) {
  expect(actions.has(key), key).toBe(true);
  return performCall(stack.webUrl, caller, { kind: "action", page, fields }, actions.get(key)?.id);
}

const entries = Object.entries(COVERAGE);
const byCaller = (caller: CoverageEntry["caller"]) => entries.filter(([, entry]) => entry.caller === caller);

describe("access control", () => {
  it("covers every page, route handler and server action of the build, and nothing else", () => {
    const missing = keys.filter((key) => !(key in COVERAGE));
    const stale = Object.keys(COVERAGE).filter((key) => !keys.includes(key));
    expect(
      missing,
      "Not covered: add an entry for each to packages/e2e/src/access/coverage.ts (coverage-actions.ts for actions)",
    ).toEqual([]);
    expect(
      stale,
      "No such entry point any more: remove these from packages/e2e/src/access/coverage*.ts",
    ).toEqual([]);
  });

  it("gives each role exactly its permissions on every page, dashboard route and server action", async () => {
    for (const [key, entry] of byCaller("session")) {
      for (const role of ROLES) {
        const result = await exercise(key, entry, role);
        if (entry.access === "signed-out only")
          expect(result.outcome.redirect, result.label).toMatch(/\/servers$/);
        else if (isAllowed(entry.access, role)) expectAllowed(entry, result);
        else expectForbidden(result);
      }
    }
  });

  it("lets an API key do exactly what its role may", async () => {
    for (const [key, entry] of byCaller("api key")) {
      const result = await exercise(key, entry, "api key");
      if (isAllowed(entry.access, API_KEY_ROLE)) expectAllowed(entry, result);
      else expectForbidden(result);
    }
  });

  it("answers another organisation's member and key with not found for each of org A's resources", async () => {
    for (const [key, entry] of entries.filter(([, entry]) => entry.isScoped)) {
      expectNotFound(await exercise(key, entry, "org B"));
    }
  });

  it("shows another organisation nothing of org A anywhere", async () => {
    for (const [key, entry] of entries.filter(([, entry]) => !entry.isScoped && !entry.isWrite)) {
      await exercise(key, entry, "org B");
    }
    const outsiderBodies = responses.filter(({ who }) => who === "org B").map(({ text }) => text);
    for (const name of fx.names) {
      expect(
        outsiderBodies.filter((body) => body.includes(name)),
        name,
      ).toEqual([]);
    }
  });

  it("never shows a credential value to anyone, nor a grant token to a role that may not issue one", () => {
    const callers = new Set(responses.map(({ who }) => who));
    expect([...callers].sort()).toEqual([...ROLES, "api key", "org B"].sort());
    for (const { who, label, text } of responses) {
      expect(text.includes(fx.credentialValue), `${label}\nshows the server's credential`).toBe(false);
      const mayIssue = who === "api key" || (who !== "org B" && can(who, "issue_grant_tokens"));
      if (!mayIssue) expect(text, `${label}\nshows a grant token`).not.toMatch(GRANT_TOKEN);
    }
  });

  it("keeps the owner out of an admin's reach: the core refuses to change or remove them", async () => {
    const before = [await memberships(context()), await countAdminEvents(db, fx.orgId)];
    const owner = { userId: fx.owner.userId };
    const changed = await postAction(MEMBER_ACTIONS.changeRole, sessions.admin, "/settings/members", {
      ...owner,
      role: "viewer",
    });
    expect(changed.result?.formError).toMatch(/^The owner's role changes only by transferring ownership/);
    const removed = await postAction(MEMBER_ACTIONS.remove, sessions.admin, "/settings/members", owner);
    expect(removed.result?.formError).toMatch(/^The owner cannot be removed\./);
    expect([await memberships(context()), await countAdminEvents(db, fx.orgId)]).toEqual(before);
  });

  it("keeps org B's member in org B when they ask to switch to org A, whatever their browser sends", async () => {
    const switched = await postAction(MEMBER_ACTIONS.switchOrg, outsider, "/servers", { orgId: fx.orgId });
    expect(switched.result?.formError).toMatch(/^You are not a member of that organisation/);
    expect(switched.cookies.filter((line) => line.includes(fx.orgId))).toEqual([]);
    // A forged cookie naming org A is only a hint, which the session ignores for a non-member.
    const forged = { cookie: `${outsider.cookie}; gatehouse-active-org=${fx.orgId}` };
    const next = await performCall(stack.webUrl, forged, { kind: "page", path: "/servers" });
    const [orgA, orgB] = await Promise.all(
      [fx.orgId, fx.outsider.orgId].map((id) => db.organization.findUniqueOrThrow({ where: { id } })),
    );
    expect(next.status).toBe(200);
    expect(next.text).toContain(`data-testid="org-name">${orgB?.name}<`);
    for (const name of [orgA?.name ?? "", ...fx.names]) expect(next.text).not.toContain(name);
  });

  it("turns an invalid or revoked invitation link away with a clear message and adds nobody", async () => {
    const revoked = await createInvitation({ ...asOwner(), input: { role: "admin" } });
    await revokeInvitation({ ...asOwner(), invitationId: revoked.invitationId });
    const page = await performCall(stack.webUrl, {}, { kind: "page", path: `/invite/ghi_${"x".repeat(43)}` });
    expect(page.status).toBe(200);
    expect(page.text).toContain("This invitation link is not valid.");
    for (const token of [`ghi_${"x".repeat(43)}`, "not-a-token", revoked.token]) {
      const path = `/invite/${token}`;
      const joined = await membershipsOf(fx.outsider.userId);
      const accepted = await postAction(MEMBER_ACTIONS.accept, outsider, path, { token });
      expect(accepted.result?.formError).toMatch(INVITATION_REFUSED);
      expect(await membershipsOf(fx.outsider.userId)).toEqual(joined);
      const email = `refused-${uniqueSuffix()}@example.test`;
      const fields = { token, name: "Refused", email, password: "long-enough-password" };
      const signedUp = await postAction(MEMBER_ACTIONS.signUp, {}, path, fields);
      expect(signedUp.result?.formError).toMatch(INVITATION_REFUSED);
      expect(await db.user.count({ where: { email } })).toBe(0);
    }
  });
});

const INVITATION_REFUSED =
  /^This invitation (link is not valid|was revoked)\. .*(ask for a new one|for a new link)\./;
const MEMBER_ACTIONS = {
  changeRole: "action settings/members/member-actions.ts#changeMemberRoleAction",
  remove: "action settings/members/member-actions.ts#removeMemberAction",
  switchOrg: "action orgs/actions.ts#switchOrganizationAction",
  accept: "action invite/[token]/actions.ts#acceptInvitationAction",
  signUp: "action invite/[token]/actions.ts#signUpWithInvitationAction",
};
const asOwner = () => ({ db, orgId: fx.orgId, actor: fx.owner.actor });
const membershipsOf = (userId: string) =>
  db.membership.findMany({
    where: { userId },
    select: { orgId: true, role: true },
    orderBy: { orgId: "asc" },
  });
