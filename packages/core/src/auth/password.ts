import bcrypt from "bcryptjs";

// Cost 12 takes ~250 ms on a modern core: slow for guessing, fine for a sign-in.
const BCRYPT_COST = 12;

/** Hashes a password with bcrypt. */
export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

/** Checks a password against a bcrypt hash in constant time. */
export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}
