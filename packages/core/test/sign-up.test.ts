import { signUp } from "@gatehouse/core/users/sign-up";
import { verifyCredentials } from "@gatehouse/core/users/verify-credentials";
import { uniqueSuffix } from "@gatehouse/testing/test-env";
import bcrypt from "bcryptjs";
import { beforeAll, describe, expect, it } from "vitest";
import { gatehouseFailure, useTestDb } from "./test-support";

const db = useTestDb();

function newInput() {
  const suffix = uniqueSuffix();
  return {
    name: `Ada ${suffix}`,
    email: `ada-${suffix}@example.test`,
    password: `correct horse ${suffix}`,
    organizationName: `Analytical ${suffix}`,
  };
}

// bcrypt at cost 12 is deliberately slow, so the tests that only need some account share this one.
const existing = newInput();
let existingUserId: string;

beforeAll(async () => {
  ({ userId: existingUserId } = await signUp({ db, input: existing }));
});

describe("signUp", () => {
  it("creates the user, their organisation and an owner membership", async () => {
    const input = newInput();
    const { userId, orgId } = await signUp({
      db,
      input: { ...input, email: `  ${input.email.toUpperCase()} `, name: ` ${input.name} ` },
    });
    const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(user).toMatchObject({ email: input.email, name: input.name });
    const org = await db.organization.findUniqueOrThrow({ where: { id: orgId } });
    expect(org.name).toBe(input.organizationName);
    const memberships = await db.membership.findMany({ where: { userId } });
    expect(memberships.map((m) => ({ orgId: m.orgId, role: m.role }))).toEqual([{ orgId, role: "owner" }]);
  });

  it("stores a bcrypt hash of the password, never the password", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { id: existingUserId } });
    expect(user.passwordHash).toMatch(/^\$2[aby]\$12\$[./A-Za-z0-9]{53}$/);
    expect(JSON.stringify(user)).not.toContain(existing.password);
    expect(await bcrypt.compare(existing.password, user.passwordHash ?? "")).toBe(true);
  });

  it("refuses a second account for the same email, in any case, without creating anything", async () => {
    const second = { ...newInput(), email: existing.email.toUpperCase() };
    const failure = await gatehouseFailure(signUp({ db, input: second }));
    expect(failure).toEqual({
      code: "conflict",
      message: "An account with this email already exists.",
      fieldErrors: [
        { field: "email", message: "An account with this email already exists. Sign in instead." },
      ],
    });
    // The organisation insert happens in the same transaction, so it must have been rolled back.
    expect(await db.user.count({ where: { email: existing.email } })).toBe(1);
    expect(await db.organization.count({ where: { name: second.organizationName } })).toBe(0);
  });

  it("reports every bad field at once", async () => {
    const failure = await gatehouseFailure(
      signUp({
        db,
        input: { name: " ", email: "not-an-email", password: "123456789", organizationName: "" },
      }),
    );
    expect(failure).toEqual({
      code: "invalid_input",
      message: "Some fields need attention.",
      fieldErrors: [
        { field: "name", message: "Enter your name." },
        { field: "email", message: "Enter a valid email address." },
        { field: "password", message: "Use at least 10 characters." },
        { field: "organizationName", message: "Name your organisation." },
      ],
    });
  });

  it("limits password length", async () => {
    const failure = await gatehouseFailure(
      signUp({ db, input: { ...newInput(), password: "x".repeat(201) } }),
    );
    expect(failure.fieldErrors).toEqual([{ field: "password", message: "Use at most 200 characters." }]);
  });
});

describe("verifyCredentials", () => {
  it("returns the user for the right password, ignoring email case and spaces", async () => {
    const user = await verifyCredentials({
      db,
      email: ` ${existing.email.toUpperCase()} `,
      password: existing.password,
    });
    expect(user).toEqual({ id: existingUserId, email: existing.email, name: existing.name });
  });

  it("returns null for a wrong password or an unknown email", async () => {
    const { email, password } = existing;
    expect(await verifyCredentials({ db, email, password: `${password}!` })).toBeNull();
    expect(await verifyCredentials({ db, email, password: "" })).toBeNull();
    expect(
      await verifyCredentials({
        db,
        email: `nobody-${uniqueSuffix()}@example.test`,
        password,
      }),
    ).toBeNull();
  });
});
