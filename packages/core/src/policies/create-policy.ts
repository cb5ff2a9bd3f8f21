import type { Db } from "@gatehouse/db/client";
import { Prisma } from "@gatehouse/db/models";
import { z } from "zod";
import { type Actor, attributedUserId } from "../admin-trail/admin-actor";
import { recordAdminEvent } from "../admin-trail/record-admin-event";
import { parseInput } from "../errors/field-errors";
import { GatehouseError } from "../errors/gatehouse-error";
import { validatePolicyText } from "../grants/validate-policy-text";

export const MAX_POLICY_NAME_CHARS = 80;

export const PolicyNameSchema = z
  .string()
  .trim()
  .min(1, "Name the policy.")
  .max(MAX_POLICY_NAME_CHARS, `Use at most ${MAX_POLICY_NAME_CHARS} characters.`);

export const CreatePolicyInputSchema = z.object({
  serverId: z.string().min(1, "Choose a server."),
  name: PolicyNameSchema,
  document: z.string().min(1, "Enter a policy."),
  comment: z.string().trim().max(500).optional(),
});
export type CreatePolicyInput = z.input<typeof CreatePolicyInputSchema>;

type Tx = Prisma.TransactionClient | Db;

/** Creates a named policy for one of the organisation's servers, with its document as version 1. */
export async function createPolicy(options: {
  db: Tx;
  orgId: string;
  actor: Actor;
  input: CreatePolicyInput;
}) {
  const input = parseInput(CreatePolicyInputSchema, options.input);
  const document = validatePolicyText(input.document, "document");
  const server = await options.db.mcpServer.findFirst({
    where: { id: input.serverId, orgId: options.orgId },
  });
  if (!server) {
    throw new GatehouseError("not_found", "No such server in this organisation.", {
      fieldErrors: [{ field: "serverId", message: "Choose one of your servers." }],
    });
  }
  try {
    const policy = await options.db.policy.create({
      data: {
        orgId: options.orgId,
        serverId: server.id,
        name: input.name,
        versions: {
          create: {
            version: 1,
            document: document as Prisma.InputJsonValue,
            comment: input.comment ?? null,
            createdById: attributedUserId(options.actor),
          },
        },
      },
    });
    await recordAdminEvent(options.db, {
      orgId: options.orgId,
      actor: options.actor,
      action: "policy.created",
      target: { id: policy.id, name: policy.name },
      details: { serverId: server.id, serverName: server.name, version: 1 },
    });
    return { policyId: policy.id, version: 1 };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const message = `This server already has a policy named "${input.name}". Choose another name.`;
      throw new GatehouseError("conflict", message, { fieldErrors: [{ field: "name", message }] });
    }
    throw error;
  }
}
