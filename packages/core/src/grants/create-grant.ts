import type { Db } from "@gatehouse/db/client";
import type { Prisma } from "@gatehouse/db/models";
import { z } from "zod";
import { parseInput } from "../errors/field-errors";
import { GatehouseError } from "../errors/gatehouse-error";
import { issueGrantToken } from "./grant-token";
import { validatePolicyText } from "./validate-policy-text";

export const CreateGrantInputSchema = z.object({
  serverId: z.string().min(1, "Choose a server."),
  name: z.string().trim().min(1, "Name the agent this grant is for.").max(80, "Use at most 80 characters."),
  policy: z.string().min(1, "Enter a policy."),
});
export type CreateGrantInput = z.input<typeof CreateGrantInputSchema>;

/**
 * Creates a grant (one agent's credential for one server). The token is returned
 * once, here; only its hash is stored.
 */
export async function createGrant(options: {
  db: Db;
  orgId: string;
  actorId: string;
  input: CreateGrantInput;
}) {
  const input = parseInput(CreateGrantInputSchema, options.input);
  const policy = validatePolicyText(input.policy);
  const server = await options.db.mcpServer.findFirst({
    where: { id: input.serverId, orgId: options.orgId },
  });
  if (!server) {
    throw new GatehouseError("not_found", "No such server in this organisation.", {
      fieldErrors: [{ field: "serverId", message: "Choose one of your servers." }],
    });
  }
  const issued = issueGrantToken();
  const grant = await options.db.grant.create({
    data: {
      orgId: options.orgId,
      serverId: server.id,
      name: input.name,
      tokenHash: issued.tokenHash,
      tokenPrefix: issued.tokenPrefix,
      policy: policy as Prisma.InputJsonValue,
      createdById: options.actorId,
    },
  });
  return { grantId: grant.id, token: issued.token };
}
