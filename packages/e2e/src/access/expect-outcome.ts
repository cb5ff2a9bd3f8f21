import type { Role } from "@gatehouse/db/models";
import { expect } from "vitest";
import { canManageApiKeys } from "../../../../apps/web/src/server/api/api-key-role";
import { can } from "../../../../apps/web/src/server/auth/permissions";
import type { Access, CoverageEntry } from "./coverage-builders";
import type { Call, Outcome } from "./perform-call";

/** One call of the access test and what it did to org A. */
export type Exercised = {
  kind: Call["kind"];
  outcome: Outcome;
  /** Admin events the call recorded in org A. */
  writes: number;
  /** The entry's state before and after the call (both undefined when it declares none). */
  states: [unknown, unknown];
  label: string;
};

const ROLE_REQUIRED = 'data-testid="role-required"';
// The owner may do everything but leave: ownership must be handed on first (core refuses).
const FORBIDDEN_MESSAGE = /Your role does not allow this|Only owners and admins|^You own this organisation\./;
// The not-found errors' public messages; one about a form field is shown next to that field.
// A rollback target is looked up as a version of a policy in the organisation, so another
// organisation's policy "has no version", just like an unknown id; switching to an
// organisation one is not a member of answers the same whether or not it exists.
const NOT_FOUND_MESSAGE =
  /^No such .* (in this organisation|for this server)\.|^Choose one of |^This policy has no version \d+\.|^You are not a member of that organisation/;

/** Whether the role may use an entry point with this access. */
export function isAllowed(access: Access, role: Role): boolean {
  if (access === "any member" || access === "public") return true;
  if (access === "any member but the owner") return role !== "owner";
  if (access === "signed-out only") return false;
  if (access === "manage_api_keys") return canManageApiKeys(role);
  return can(role, access);
}

/** The call did what it exists to do, and a write recorded an admin event. */
export function expectAllowed(entry: CoverageEntry, { kind, outcome, writes, label }: Exercised) {
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
    expect(outcome.result?.fieldErrors ?? {}, label).toEqual({});
  }
}

/** The caller was told their role does not allow it, and nothing changed. */
export function expectForbidden({ kind, outcome, writes, states, label }: Exercised) {
  expectUnchanged({ writes, states, label });
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

/** Another organisation's resource was "not found", and nothing changed. */
export function expectNotFound({ kind, outcome, writes, states, label }: Exercised) {
  expectUnchanged({ writes, states, label });
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

function expectUnchanged({ writes, states, label }: Pick<Exercised, "writes" | "states" | "label">) {
  expect(writes, `${label}\nchanged org A`).toBe(0);
  expect(states[1], `${label}\nchanged what it acts on`).toEqual(states[0]);
}
