import type { Db } from "@gatehouse/db/client";
import { Prisma } from "@gatehouse/db/models";
import type { z } from "zod";
import { hashPassword } from "../auth/password";
import { parseInput } from "../errors/field-errors";
import { GatehouseError } from "../errors/gatehouse-error";
import { SignUpInputSchema } from "../users/sign-up";
import { claimInvitation } from "./claim-invitation";

/** An invited person's account: sign-up's rules, without an organisation of their own. */
export const InvitedSignUpInputSchema = SignUpInputSchema.omit({ organizationName: true });
export type InvitedSignUpInput = z.input<typeof InvitedSignUpInputSchema>;

/**
 * Creates an account for an invited person and joins them to the inviting organisation, in
 * one transaction: a link that turns out to be used, revoked or expired leaves no account behind.
 */
export async function signUpWithInvitation(options: {
  db: Db;
  token: string;
  input: InvitedSignUpInput;
  now?: Date;
}) {
  const input = parseInput(InvitedSignUpInputSchema, options.input);
  const passwordHash = await hashPassword(input.password);
  const now = options.now ?? new Date();
  try {
    return await options.db.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { email: input.email, name: input.name, passwordHash } });
      const actor = { type: "user", id: user.id, name: user.name } as const;
      const joined = await claimInvitation(tx, { token: options.token, user: actor, now });
      return { userId: user.id, ...joined };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new GatehouseError("conflict", "An account with this email already exists.", {
        fieldErrors: [
          {
            field: "email",
            message: "An account with this email already exists. Sign in to accept instead.",
          },
        ],
      });
    }
    throw error;
  }
}
