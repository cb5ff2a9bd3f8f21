import { isGatehouseError } from "@gatehouse/core/errors/gatehouse-error";
import { hashGrantToken, looksLikeGrantToken } from "@gatehouse/core/grants/grant-token";
import type { AuditedGrant } from "../audit/build-audit-event";
import type { GrantSnapshot } from "../grants/grant-snapshot";
import { grantStandingAt, UNKNOWN_TOKEN_MESSAGE } from "../grants/grant-standing";
import type { ProxyDeps } from "../proxy-deps";
import type { Refusal } from "./refuse-request";
import { JSON_RPC } from "./send-json-rpc-error";

export type GrantResolution =
  | { isLive: true; grant: GrantSnapshot }
  /** `grant` is the revoked or expired grant the token belongs to, so its organisation sees the attempt. */
  | { isLive: false; grant: AuditedGrant | null; refusal: Refusal };

const UNAUTHORIZED = {
  status: 401,
  code: JSON_RPC.unauthorized,
  headers: { "www-authenticate": 'Bearer realm="gatehouse"' },
};

/**
 * The live grant a token belongs to, or why the request is refused; nothing reaches an upstream
 * without one. A live grant's use is recorded in the background, off the request's path.
 */
export async function resolveGrant(deps: ProxyDeps, token: string | undefined): Promise<GrantResolution> {
  if (!token) {
    const message =
      "Unauthorized: no grant token. Use the grant's proxy URL (/g/<token>/mcp) or send Authorization: Bearer <token>.";
    return { isLive: false, grant: null, refusal: { ...UNAUTHORIZED, message, rule: "(no token)" } };
  }
  if (!looksLikeGrantToken(token)) {
    const message =
      "Unauthorized: this is not a Gatehouse grant token. Copy the grant's proxy URL from the dashboard.";
    return { isLive: false, grant: null, refusal: { ...UNAUTHORIZED, message, rule: "(malformed token)" } };
  }
  let grant: GrantSnapshot | null;
  try {
    grant = await deps.grants.get(hashGrantToken(token));
  } catch (error) {
    // Fail closed: without the grant there is no policy to enforce.
    deps.logger.error({ err: error }, "could not load grant");
    const message = isGatehouseError(error)
      ? `Gatehouse cannot serve this grant: ${error.publicMessage}`
      : "Gatehouse cannot load this grant right now (database unavailable). Try again shortly.";
    const refusal = { status: 503, code: JSON_RPC.internalError, message, rule: "(grant unavailable)" };
    return { isLive: false, grant: null, refusal };
  }
  if (!grant) {
    const message = `Unauthorized: ${UNKNOWN_TOKEN_MESSAGE}`;
    return { isLive: false, grant: null, refusal: { ...UNAUTHORIZED, message, rule: "(unknown token)" } };
  }
  const standing = grantStandingAt(grant, deps.now());
  if (standing) {
    const ids = { grantId: grant.grantId, orgId: grant.orgId, serverId: grant.serverId };
    const refusal = { ...UNAUTHORIZED, message: `Unauthorized: ${standing.message}`, rule: standing.rule };
    return { isLive: false, grant: ids, refusal };
  }
  deps.recordGrantUse(grant.grantId);
  return { isLive: true, grant };
}
