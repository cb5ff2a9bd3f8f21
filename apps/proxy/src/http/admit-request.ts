import type { IncomingMessage, ServerResponse } from "node:http";
import type { AuditedGrant } from "../audit/build-audit-event";
import { type RequestOrigin, toCaller } from "../audit/caller";
import type { GrantSnapshot } from "../grants/grant-snapshot";
import type { ProxyDeps } from "../proxy-deps";
import { checkRequestOrigin } from "./check-request-origin";
import { type Refusal, refuseRequest } from "./refuse-request";
import { describeOrigin } from "./request-origin";
import { resolveGrant } from "./resolve-grant";

/** An agent's request whose token names a live grant, and how to refuse it from here on. */
export type AdmittedRequest = {
  grant: GrantSnapshot;
  origin: RequestOrigin;
  startedAtMs: number;
  /** Answers with the refusal and audits it under the grant, naming the body's method when one was read. */
  refuse: (refusal: Refusal, body?: unknown) => void;
};

/**
 * Lets a request on to an agent endpoint only with a live grant; anything else is refused and
 * audited here, whichever transport the agent speaks.
 */
export async function admitRequest(
  deps: ProxyDeps,
  http: {
    req: IncomingMessage;
    res: ServerResponse;
    token: string | undefined;
    sessionId: string | undefined;
  },
): Promise<AdmittedRequest | undefined> {
  const { req, res } = http;
  const startedAtMs = deps.now();
  const origin = describeOrigin(req, http.token, deps.trustProxy);
  const refuseUnder = (grant: AuditedGrant | null) => (refusal: Refusal, body?: unknown) => {
    const caller = toCaller(origin, { id: http.sessionId });
    refuseRequest(deps, { res, grant, method: methodOf(req, body), caller, startedAtMs }, refusal);
  };
  const resolved = await resolveGrant(deps, http.token);
  if (!resolved.isLive) {
    refuseUnder(resolved.grant)(resolved.refusal);
    return undefined;
  }
  const originRefusal = checkRequestOrigin(req, deps.allowedOrigins);
  if (originRefusal) {
    refuseUnder(resolved.grant)(originRefusal);
    return undefined;
  }
  return { grant: resolved.grant, origin, startedAtMs, refuse: refuseUnder(resolved.grant) };
}

/**
 * The JSON-RPC method when a body was read; requests refused before that (or whose body names
 * none) are named by their HTTP verb, and batches as such.
 */
export function methodOf(req: IncomingMessage, body: unknown): string {
  if (Array.isArray(body)) return `batch of ${body.length}`;
  const method = (body as { method?: unknown } | null | undefined)?.method;
  return typeof method === "string" && method ? method : `HTTP ${req.method ?? "?"}`;
}
