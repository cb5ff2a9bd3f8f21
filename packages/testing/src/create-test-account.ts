import type { UserActor } from "@gatehouse/core/admin-trail/admin-actor";
import { signUp } from "@gatehouse/core/users/sign-up";
import type { Db } from "@gatehouse/db/client";
import { uniqueSuffix } from "./test-env";

/**
 * Signs up a fresh user with their own organisation, so each test's data is isolated.
 * `actor` is that user, for the operations a test performs in their name.
 */
export async function createTestAccount(db: Db, label = "test") {
  const suffix = uniqueSuffix();
  const name = `${label} ${suffix}`;
  const email = `${label}-${suffix}@example.test`;
  const password = `pw-${suffix}-long-enough`;
  const { userId, orgId } = await signUp({
    db,
    input: { name, email, password, organizationName: `${label} org ${suffix}` },
  });
  const actor: UserActor = { type: "user", id: userId, name };
  return { userId, orgId, email, password, actor };
}
