import type { Db } from "@gatehouse/db/client";
import { z } from "zod";
import { type AccountableActor, attributedUserId } from "../admin-trail/admin-actor";
import { recordAdminEvent } from "../admin-trail/record-admin-event";
import { parseInput } from "../errors/field-errors";
import { GatehouseError } from "../errors/gatehouse-error";
import { createPolicy, MAX_POLICY_NAME_CHARS } from "../policies/create-policy";
import { GrantExpiresAtSchema } from "./grant-expiry";
import { issueGrantToken } from "./grant-token";

export const CreateGrantInputSchema = z
  .object({
    serverId: z.string().min(1, "Choose a server."),
    name: z.string().trim().min(1, "Name the agent this grant is for.").max(80, "Use at most 80 characters."),
    /** Use an existing policy of the server… */
    policyId: z.string().min(1).optional(),
    /** …or create a new one from this document, named after the agent. */
    policy: z.string().min(1, "Enter a policy.").optional(),
    /** When the grant stops working; absent or null for a grant that does not expire. */
    expiresAt: GrantExpiresAtSchema.nullable().optional(),
  })
  .refine((input) => (input.policyId === undefined) !== (input.policy === undefined), {
    message: "Choose an existing policy or write a new one (not both).",
    path: ["policy"],
  });
export type CreateGrantInput = z.input<typeof CreateGrantInputSchema>;

/**
 * Creates a grant (one agent's credential for one server) under a policy. The
 * token is returned once, here; only its hash is stored.
 */
export async function createGrant(options: {
  db: Db;
  orgId: string;
  actor: AccountableActor;
  input: CreateGrantInput;
}) {
  const input = parseInput(CreateGrantInputSchema, options.input);
  const issued = issueGrantToken();
  return options.db.$transaction(async (tx) => {
    const policyId =
      input.policyId ??
      (await createInlinePolicy(
        tx,
        options,
        input.serverId,
        inlinePolicyName(input.name, issued.tokenPrefix),
        input.policy ?? "",
      ));
    const policy = await tx.policy.findFirst({
      where: { id: policyId, orgId: options.orgId },
      include: { server: { select: { name: true } } },
    });
    if (!policy || policy.serverId !== input.serverId) {
      throw new GatehouseError("not_found", "No such policy for this server.", {
        fieldErrors: [{ field: "policyId", message: "Choose one of this server's policies." }],
      });
    }
    const grant = await tx.grant.create({
      data: {
        orgId: options.orgId,
        serverId: input.serverId,
        policyId,
        name: input.name,
        tokenHash: issued.tokenHash,
        tokenPrefix: issued.tokenPrefix,
        expiresAt: input.expiresAt ?? null,
        createdById: attributedUserId(options.actor),
      },
    });
    await recordAdminEvent(tx, {
      orgId: options.orgId,
      actor: options.actor,
      action: "grant.created",
      target: { id: grant.id, name: grant.name },
      details: {
        serverId: input.serverId,
        serverName: policy.server.name,
        policyId,
        policyName: policy.name,
        tokenPrefix: issued.tokenPrefix,
        expiresAt: input.expiresAt?.toISOString() ?? null,
      },
    });
    return { grantId: grant.id, policyId, token: issued.token };
  });
}

/**
 * A grant written with its own policy gets one named after the agent and the token's display
 * prefix (as migrated grants were), which keeps names apart without a clock; the agent's
 * name is shortened so a name the grant form accepts always fits a policy name.
 */
function inlinePolicyName(agentName: string, tokenPrefix: string): string {
  const suffix = ` (${tokenPrefix})`;
  let name = "";
  // Whole code points only, so shortening never splits a character.
  for (const character of agentName) {
    if (name.length + character.length + suffix.length > MAX_POLICY_NAME_CHARS) break;
    name += character;
  }
  return `${name.trimEnd()}${suffix}`;
}

async function createInlinePolicy(
  tx: Parameters<typeof createPolicy>[0]["db"],
  options: { orgId: string; actor: AccountableActor },
  serverId: string,
  name: string,
  document: string,
): Promise<string> {
  const { policyId } = await createPolicy({
    db: tx,
    orgId: options.orgId,
    actor: options.actor,
    input: { serverId, name, document },
  }).catch((error: unknown) => {
    if (error instanceof GatehouseError) {
      const fieldErrors = error.fieldErrors.map((item) => ({
        ...item,
        field: item.field === "document" ? "policy" : item.field,
      }));
      throw new GatehouseError(error.code, error.publicMessage, { fieldErrors, cause: error });
    }
    throw error;
  });
  return policyId;
}
