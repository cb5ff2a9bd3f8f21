import type { Db } from "@gatehouse/db/client";
import { z } from "zod";
import type { UserActor } from "../admin-trail/admin-actor";
import { recordAdminEvent } from "../admin-trail/record-admin-event";
import { parseInput } from "../errors/field-errors";
import { SignUpInputSchema } from "../users/sign-up";
import { addOrganizationWithOwner } from "./add-organization-with-owner";

/** What naming an organisation needs: the same rule as at sign-up. */
export const CreateOrganizationInputSchema = z.object({ name: SignUpInputSchema.shape.organizationName });
export type CreateOrganizationInput = z.input<typeof CreateOrganizationInputSchema>;

/** Creates an organisation with the acting user as its one owner, recorded in the new organisation's trail. */
export async function createOrganization(options: {
  db: Db;
  actor: UserActor;
  input: CreateOrganizationInput;
}) {
  const { name } = parseInput(CreateOrganizationInputSchema, options.input);
  return options.db.$transaction(async (tx) => {
    const org = await addOrganizationWithOwner(tx, { name, ownerId: options.actor.id });
    await recordAdminEvent(tx, {
      orgId: org.id,
      actor: options.actor,
      action: "org.created",
      target: { id: org.id, name: org.name },
    });
    return { orgId: org.id, orgName: org.name };
  });
}
