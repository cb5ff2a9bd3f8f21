import { createHash, randomBytes } from "node:crypto";

const STATE_BYTES = 32;

/**
 * A fresh `state` for one authorization. It names the server it is for, so the callback can
 * lead the person back to that server's page even when the state has expired; the random
 * part is what makes it unguessable.
 */
export function createOAuthState(serverId: string): string {
  return `${serverId}.${randomBytes(STATE_BYTES).toString("base64url")}`;
}

/** The server a `state` names, or null when it is not one Gatehouse could have made. */
export function serverIdOfOAuthState(state: string): string | null {
  const [serverId, random, ...rest] = state.split(".");
  return serverId && random && rest.length === 0 ? serverId : null;
}

/** Only this hash is stored, so a database reader cannot complete someone's authorization. */
export function hashOAuthState(state: string): string {
  return createHash("sha256").update(state).digest("hex");
}
