import { createDb } from "@gatehouse/db/client";
import type { Role } from "@gatehouse/db/models";
import { type RunningServer, startEverythingServer } from "@gatehouse/testing/start-everything-server";
import { TEST_DATABASE_URL } from "@gatehouse/testing/test-env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_KEY_ROLE, canManageApiKeys } from "../../../apps/web/src/server/api/api-key-role";
import { can } from "../../../apps/web/src/server/auth/permissions";
import { type AccessFixtures, createAccessFixtures, ROLES } from "../src/access/access-fixtures";
import { COVERAGE } from "../src/access/coverage";
import {
  type Access,
  type Context,
  type CoverageEntry,
  countAdminEvents,
} from "../src/access/coverage-builders";
import { enumerateEntryPoints } from "../src/access/enumerate-entry-points";
import { type Caller, performCall } from "../src/access/perform-call";
import { signIn } from "../src/access/sign-in";
import { createStackSecrets } from "../src/held-calls";
import { type Stack, startStack } from "../src/start-stack";

const db = createDb(TEST_DATABASE_URL);
const { encryptionKey, secretBox } = createStackSecrets();
const { keys, actions } = enumerateEntryPoints();
const ROLE_REQUIRED = 'data-testid="role-required"';
const FORBIDDEN_MESSAGE = /Your role does not allow this|Only owners and admins/;
// The not-found errors' public messages; one about a form field is shown next to that field.
// A rollback target is looked up as a version of a policy in the organisation, so another
// organisation's policy "has no version", just like an unknown id.
const NOT_FOUND_MESSAGE =
  /^No such .* (in this organisation|for this server)\.|^Choose one of |^This policy has no version \d+\./;
let stack: Stack;
let upstream: RunningServer;
let fx: AccessFixtures;
let sessions: Record<Role, Caller>;
let outsider: Caller;
const outsiderBodies: string[] = [];

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

function isAllowed(access: Access, role: Role): boolean {
  if (access === "any member" || access === "public") return true;
  if (access === "signed-out only") return false;
  if (access === "manage_api_keys") return canManageApiKeys(role);
  return can(role, access);
}

async function exercise(key: string, entry: CoverageEntry, caller: Caller) {
  const context: Context = { db, secretBox, fx, upstreamUrl: upstream.url, fresh: {} };
  context.fresh = (await entry.prepare?.(context)) ?? {};
  const before = await countAdminEvents(db, fx.orgId);
  const call = entry.call(context);
  const outcome = await performCall(stack.webUrl, caller, call, actions.get(key)?.id);
  const writes = (await countAdminEvents(db, fx.orgId)) - before;
  return {
    kind: call.kind,
    outcome,
    writes,
    label: `${key} → HTTP ${outcome.status} ${outcome.text.slice(0, 300)}`,
  };
}

type Exercised = Awaited<ReturnType<typeof exercise>>;

function expectAllowed(entry: CoverageEntry, { kind, outcome, writes, label }: Exercised) {
  if (entry.isWrite) expect(writes, `${label}\nrecorded no admin event in org A`).toBeGreaterThan(0);
  if (kind === "page") {
    // The root page redirects to where its visitor can act.
    expect(outcome.status, label).toBe(entry.access === "public" && outcome.redirect ? 307 : 200);
    expect(outcome.text.includes(ROLE_REQUIRED), label).toBe(false);
  } else if (kind === "route") {
    if (entry.allowedStatus) expect(outcome.status, label).toBe(entry.allowedStatus);
    else expect(outcome.status, label).toBeLessThan(entry.access === "public" ? 400 : 300);
  } else {
    expect(outcome.redirect ?? "", label).not.toContain("/sign-in");
    expect(outcome.result?.formError ?? "", label).toBe("");
  }
}

function expectForbidden({ kind, outcome, writes, label }: Exercised) {
  expect(writes, `${label}\nchanged org A`).toBe(0);
  if (kind === "page") {
    expect(outcome.status, label).toBe(200);
    expect(outcome.text, label).toContain(ROLE_REQUIRED);
  } else if (kind === "route") {
    expect(outcome.status, label).toBe(403);
    expect(outcome.json?.error?.code, label).toBe("forbidden");
  } else {
    expect(outcome.result?.formError ?? "", label).toMatch(FORBIDDEN_MESSAGE);
  }
}

function expectNotFound({ kind, outcome, writes, label }: Exercised) {
  expect(writes, `${label}\nchanged org A`).toBe(0);
  if (kind === "page") expect(outcome.status, label).toBe(404);
  else if (kind === "route") {
    expect(outcome.status, label).toBe(404);
    expect(outcome.json?.error?.code, label).toBe("not_found");
  } else {
    const { formError, fieldErrors = {} } = outcome.result ?? {};
    const messages = [formError ?? "", ...Object.values(fieldErrors).flat()];
    expect(
      messages.some((message) => NOT_FOUND_MESSAGE.test(message)),
      label,
    ).toBe(true);
  }
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
        const result = await exercise(key, entry, sessions[role]);
        if (entry.access === "signed-out only")
          expect(result.outcome.redirect, result.label).toMatch(/\/servers$/);
        else if (isAllowed(entry.access, role)) expectAllowed(entry, result);
        else expectForbidden(result);
      }
    }
  });

  it("lets an API key do exactly what its role may", async () => {
    for (const [key, entry] of byCaller("api key")) {
      const result = await exercise(key, entry, { apiKey: fx.apiKey });
      if (isAllowed(entry.access, API_KEY_ROLE)) expectAllowed(entry, result);
      else expectForbidden(result);
    }
  });

  it("answers another organisation's member and key with not found for each of org A's resources", async () => {
    for (const [key, entry] of entries.filter(([, entry]) => entry.isScoped)) {
      const caller = entry.caller === "api key" ? { apiKey: fx.outsiderApiKey } : outsider;
      const result = await exercise(key, entry, caller);
      outsiderBodies.push(result.outcome.text);
      expectNotFound(result);
    }
  });

  it("shows another organisation nothing of org A anywhere", async () => {
    for (const [key, entry] of entries.filter(([, entry]) => !entry.isScoped && !entry.isWrite)) {
      const caller = entry.caller === "api key" ? { apiKey: fx.outsiderApiKey } : outsider;
      outsiderBodies.push((await exercise(key, entry, caller)).outcome.text);
    }
    for (const name of fx.names) {
      expect(
        outsiderBodies.filter((body) => body.includes(name)),
        name,
      ).toEqual([]);
    }
  });
});
