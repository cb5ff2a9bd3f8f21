import { signUp } from "@gatehouse/core/users/sign-up";
import type { Db } from "@gatehouse/db/client";
import { uniqueSuffix } from "./test-env";

/** Signs up a fresh user with their own organisation, so each test's data is isolated. */
export async function createTestAccount(db: Db, label = "test") {
  const suffix = uniqueSuffix();
  const email = `${label}-${suffix}@example.test`;
  const password = `pw-${suffix}-long-enough`;
  const { userId, orgId } = await signUp({
    db,
    input: { name: `${label} ${suffix}`, email, password, organizationName: `${label} org ${suffix}` },
  });
  return { userId, orgId, email, password };
}
