import type { Db } from "@gatehouse/db/client";
import { Prisma } from "@gatehouse/db/models";
import { z } from "zod";
import { hashPassword } from "../auth/password";
import { parseInput } from "../errors/field-errors";
import { GatehouseError } from "../errors/gatehouse-error";
import { createOwnerAccount } from "./create-owner-account";

export const SignUpInputSchema = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(100, "Use at most 100 characters."),
  email: z.string().trim().toLowerCase().email("Enter a valid email address."),
  password: z.string().min(10, "Use at least 10 characters.").max(200, "Use at most 200 characters."),
  organizationName: z
    .string()
    .trim()
    .min(1, "Name your organisation.")
    .max(100, "Use at most 100 characters."),
});
export type SignUpInput = z.input<typeof SignUpInputSchema>;

/** Creates a user, their organisation and their owner membership in one transaction, recorded as the user's act. */
export async function signUp(options: { db: Db; input: SignUpInput }) {
  const input = parseInput(SignUpInputSchema, options.input);
  const passwordHash = await hashPassword(input.password);
  try {
    const { user, org } = await options.db.$transaction((tx) =>
      createOwnerAccount(tx, {
        email: input.email,
        name: input.name,
        organizationName: input.organizationName,
        passwordHash,
      }),
    );
    return { userId: user.id, orgId: org.id };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new GatehouseError("conflict", "An account with this email already exists.", {
        fieldErrors: [
          { field: "email", message: "An account with this email already exists. Sign in instead." },
        ],
      });
    }
    throw error;
  }
}
