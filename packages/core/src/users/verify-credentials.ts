import type { Db } from "@gatehouse/db/client";
import { hashPassword, verifyPassword } from "../auth/password";

// Compared against when the email is unknown, so both paths cost one bcrypt check
// and response time does not reveal which emails have accounts.
let unknownUserHash: Promise<string> | undefined;

/** Returns the user for an email + password pair, or null when either is wrong. */
export async function verifyCredentials(options: { db: Db; email: string; password: string }) {
  const user = await options.db.user.findUnique({ where: { email: options.email.trim().toLowerCase() } });
  unknownUserHash ??= hashPassword("no-such-user");
  // An account created through GitHub or Google has no password: it costs the same check and fails.
  const passwordHash = user?.passwordHash ?? null;
  const isValid = await verifyPassword(options.password, passwordHash ?? (await unknownUserHash));
  return user && passwordHash && isValid ? { id: user.id, email: user.email, name: user.name } : null;
}
