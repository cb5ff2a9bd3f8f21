import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import type { NetworkPolicy } from "./classify-address";
import { findBlockedAddress } from "./find-blocked-address";

/** A URL's host as an address or name: URL keeps an IPv6 literal's brackets, which DNS and isIP do not expect. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, "$1");
}

/**
 * Resolves `url`'s host (a literal address is taken as it is) and says why Gatehouse may not
 * connect to it, or returns undefined. A failed DNS lookup is thrown as it came.
 */
export async function checkDestination(url: URL, policy: NetworkPolicy): Promise<string | undefined> {
  const host = hostOf(url);
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((entry) => entry.address);
  return findBlockedAddress(host, addresses, policy);
}
