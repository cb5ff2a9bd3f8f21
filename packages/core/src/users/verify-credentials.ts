import type { Db } from "@gatehouse/db/client";
import { hashPassword, verifyPassword } from "../auth/password";

// Compared against when the email is unknown, so both paths cost one bcrypt check
// and response time does not reveal which emails have accounts.
let unknownUserHash: Promise<string> | undefined;

/** Returns the user for an email + password pair, or null when either is wrong. */
export async function verifyCredentials(options: { db: Db; email: string; password: string }) {
  const user = await options.db.user.findUnique({ where: { email: options.email.trim().toLowerCase() } });
  unknownUserHash ??= hashPassword("no-such-user");
  const isValid = await verifyPassword(options.password, user?.passwordHash ?? (await unknownUserHash));
  return user && isValid ? { id: user.id, email: user.email, name: user.name } : null;
}
