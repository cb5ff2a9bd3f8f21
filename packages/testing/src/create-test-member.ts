import type { UserActor } from "@gatehouse/core/admin-trail/admin-actor";
import { createInvitation } from "@gatehouse/core/invitations/create-invitation";
import { signUpWithInvitation } from "@gatehouse/core/invitations/sign-up-with-invitation";
import type { AssignableRole } from "@gatehouse/core/members/member-access";
import type { Db } from "@gatehouse/db/client";
import { uniqueSuffix } from "./test-env";

/**
 * Invites a fresh person into an organisation with `role` and signs them up through the
 * link, as the dashboard does. `inviter` must be an owner or admin of the organisation.
 */
export async function createTestMember(
  db: Db,
  options: { orgId: string; inviter: UserActor; role: AssignableRole; label?: string },
) {
  const suffix = uniqueSuffix();
  const label = options.label ?? options.role;
  const name = `${label} ${suffix}`;
  const email = `${label}-${suffix}@example.test`;
  const password = `pw-${suffix}-long-enough`;
  const { token } = await createInvitation({
    db,
    orgId: options.orgId,
    actor: options.inviter,
    input: { role: options.role },
  });
  const { userId } = await signUpWithInvitation({ db, token, input: { name, email, password } });
  const actor: UserActor = { type: "user", id: userId, name };
  return { userId, orgId: options.orgId, email, password, actor };
}
