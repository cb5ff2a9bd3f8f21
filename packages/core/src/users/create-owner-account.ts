import type { Prisma } from "@gatehouse/db/models";
import type { AdminEventDetails } from "../admin-trail/record-admin-event";
import { recordAdminEvent } from "../admin-trail/record-admin-event";
import { addOrganizationWithOwner } from "../orgs/add-organization-with-owner";

type OwnerAccountInput = {
  email: string;
  name: string;
  /** Null for an account that signs in only through GitHub or Google. */
  passwordHash: string | null;
  organizationName: string;
  /** How the person signed up, added to the trail's "user.signed_up" event. */
  details?: AdminEventDetails;
};

/**
 * Creates a user, their organisation and their owner membership, recorded as the user's act.
 * Runs on the caller's transaction, so a failure (such as a taken email) leaves nothing behind.
 */
export async function createOwnerAccount(tx: Prisma.TransactionClient, input: OwnerAccountInput) {
  const { email, name, passwordHash, organizationName } = input;
  const user = await tx.user.create({ data: { email, name, passwordHash } });
  const org = await addOrganizationWithOwner(tx, { name: organizationName, ownerId: user.id });
  await recordAdminEvent(tx, {
    orgId: org.id,
    actor: { type: "user", id: user.id, name: user.name },
    action: "user.signed_up",
    target: { id: user.id, name: user.name },
    details: { organizationName: org.name, ...input.details },
  });
  return { user, org };
}
