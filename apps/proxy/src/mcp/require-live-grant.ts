import type { GatewayDeps, LiveGrant } from "./gateway-deps";
import { grantUnavailableError } from "./upstream-errors";

/** The session's grant now; refuses (fail closed) when it was revoked, deleted, or its policy no longer parses. */
export async function requireLiveGrant(deps: GatewayDeps): Promise<LiveGrant> {
  const grant = await deps.currentGrant();
  if (!grant || grant.isRevoked || !grant.policy) throw grantUnavailableError(grant);
  return grant as LiveGrant;
}
