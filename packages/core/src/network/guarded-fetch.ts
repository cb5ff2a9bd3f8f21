import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { Readable } from "node:stream";
import { GatehouseError } from "../errors/gatehouse-error";
import { hostOf } from "./check-destination";
import type { NetworkPolicy } from "./classify-address";
import { findBlockedAddress } from "./find-blocked-address";

export type FetchLike = (url: string | URL, init?: RequestInit) => Promise<Response>;

// A Response to these statuses has no body by definition; the constructor refuses one.
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/**
 * A fetch for URLs that people typed (upstreams, webhooks). Each socket connects only to an
 * address checked against `policy` when it was resolved for that very connection, so DNS
 * that answers differently after a check (rebinding) gains nothing. Redirects are never
 * followed: the response is returned, and a caller that follows one calls this fetch again.
 */
export function createGuardedFetch(policy: NetworkPolicy): FetchLike {
  const lookup = createGuardedLookup(policy);
  return async (input, init = {}) => {
    const url = new URL(input);
    // Node connects to a literal address without calling `lookup`, so it is checked here.
    const host = hostOf(url);
    const reason = isIP(host) ? findBlockedAddress(host, [host], policy) : undefined;
    if (reason) throw blockedError(reason);
    const body = init.body == null ? undefined : Buffer.from(await new Response(init.body).arrayBuffer());
    const request = url.protocol === "https:" ? httpsRequest : httpRequest;
    return new Promise<Response>((resolve, reject) => {
      const req = request(url, {
        method: init.method ?? "GET",
        headers: Object.fromEntries(new Headers(init.headers)),
        lookup,
        ...(init.signal ? { signal: init.signal } : {}),
      });
      req.on("response", (res) => resolve(toResponse(res)));
      // Like fetch, an aborted request rejects with the signal's reason (e.g. a TimeoutError).
      req.on("error", (error) => reject(init.signal?.aborted ? init.signal.reason : error));
      req.end(body);
    });
  };
}

function createGuardedLookup(policy: NetworkPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 0);
      const reason = findBlockedAddress(
        hostname,
        addresses.map((entry) => entry.address),
        policy,
      );
      if (reason) return callback(blockedError(reason), "", 0);
      const [first] = addresses;
      if (options.all || first === undefined) return callback(null, addresses);
      callback(null, first.address, first.family);
    });
  };
}

function blockedError(reason: string): GatehouseError {
  return new GatehouseError("upstream_unreachable", reason);
}

function toResponse(res: IncomingMessage): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(res.headers)) {
    for (const item of Array.isArray(value) ? value : [value ?? ""]) headers.append(name, item);
  }
  const status = res.statusCode ?? 502;
  const body = NULL_BODY_STATUSES.has(status) ? null : (Readable.toWeb(res) as ReadableStream<Uint8Array>);
  if (body === null) res.resume();
  return new Response(body, { status, statusText: res.statusMessage ?? "", headers });
}
