import type { IncomingMessage } from "node:http";
import { grantTokenPrefix } from "@gatehouse/core/grants/grant-token";
import type { AuthInfo } from "@modelcontextprotocol/sdk/server/auth/types.js";
import { type RequestOrigin, RequestOriginSchema, UNKNOWN_ORIGIN } from "../audit/caller";

const MAX_USER_AGENT_CHARS = 500;
const MAX_IP_CHARS = 100;

/**
 * Where a request came from: the peer's address (or, behind a trusted reverse proxy, the last
 * X-Forwarded-For entry, which that proxy appended and the client cannot forge), its
 * User-Agent, and the public prefix of the token it presented.
 */
export function describeOrigin(
  req: IncomingMessage,
  token: string | undefined,
  trustProxy: boolean,
): RequestOrigin {
  const forwarded = trustProxy ? headerValue(req.headers["x-forwarded-for"]) : undefined;
  const address = forwarded?.split(",").at(-1)?.trim() || req.socket.remoteAddress;
  const userAgent = headerValue(req.headers["user-agent"]);
  return {
    clientIp: clientIpOf(address),
    userAgent: userAgent ? userAgent.slice(0, MAX_USER_AGENT_CHARS) : null,
    tokenPrefix: token ? grantTokenPrefix(token) : null,
  };
}

/** The client address as the audit log records it. */
export function clientIpOf(address: string | undefined): string | null {
  // Node reports IPv4 peers of a dual-stack socket as IPv6-mapped addresses.
  return address ? address.replace(/^::ffff:(?=\d+\.)/, "").slice(0, MAX_IP_CHARS) : null;
}

/**
 * Hands a request's origin to the session's MCP handlers: the SDK passes `req.auth` to them as
 * `extra.authInfo`. The token itself stays in the HTTP layer; handlers see only its prefix.
 */
export function attachOrigin(req: IncomingMessage, origin: RequestOrigin, grantId: string): void {
  const auth: AuthInfo = {
    token: origin.tokenPrefix ?? "",
    clientId: grantId,
    scopes: [],
    extra: { origin },
  };
  Object.assign(req, { auth });
}

/** The origin attached by `attachOrigin`, or unknown when a request arrived without one. */
export function originOf(authInfo: AuthInfo | undefined): RequestOrigin {
  const parsed = RequestOriginSchema.safeParse(authInfo?.extra?.origin);
  return parsed.success ? parsed.data : UNKNOWN_ORIGIN;
}

/** The first value of a header that may be repeated. */
export function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
