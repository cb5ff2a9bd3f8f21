import { networkInterfaces } from "node:os";

const WILDCARD_HOSTS = new Set(["0.0.0.0", "::", "[::]", ""]);

/**
 * The base URL other proxies reach this one at when GATEHOUSE_PROXY_INTERNAL_URL is not set:
 * its listening host and port, or, when it listens on every interface, its first non-loopback
 * IPv4 address (a container's or pod's own), since a wildcard address names no one machine.
 */
export function defaultInternalUrl(host: string, port: number): string {
  if (!WILDCARD_HOSTS.has(host)) return `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  const addresses = Object.values(networkInterfaces()).flatMap((entries) => entries ?? []);
  const external = addresses.find((entry) => entry.family === "IPv4" && !entry.internal);
  return `http://${external?.address ?? "127.0.0.1"}:${port}`;
}
