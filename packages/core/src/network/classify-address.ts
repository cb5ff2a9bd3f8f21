import { BlockList, isIP } from "node:net";
import { embeddedIpv4 } from "./embedded-ipv4";

/** What an IP address reaches, as far as deciding whether Gatehouse may connect to it. */
export type AddressKind = "public" | "private" | "loopback" | "link_local" | "reserved";

/** The operator's choice (GATEHOUSE_ALLOW_PRIVATE_NETWORKS) of where upstreams and webhooks may point. */
export type NetworkPolicy = { allowPrivateNetworks: boolean };

type Range = readonly [network: string, prefix: number];

function toBlockList(ranges: { v4: Range[]; v6: Range[] }): BlockList {
  const list = new BlockList();
  for (const [network, prefix] of ranges.v4) list.addSubnet(network, prefix, "ipv4");
  for (const [network, prefix] of ranges.v6) list.addSubnet(network, prefix, "ipv6");
  return list;
}

// Checked in this order, because some reserved addresses lie inside private ranges: Alibaba's
// metadata service is in CGNAT space and AWS's IPv6 one in fc00::/7. BlockList matches an
// IPv4-mapped IPv6 address (::ffff:127.0.0.1) against the IPv4 ranges too.
const KINDS: [AddressKind, BlockList][] = [
  [
    "reserved",
    toBlockList({
      v4: [
        ["0.0.0.0", 8],
        ["100.100.100.200", 32],
        ["192.0.0.0", 24],
        ["192.0.2.0", 24],
        ["198.18.0.0", 15],
        ["198.51.100.0", 24],
        ["203.0.113.0", 24],
        ["224.0.0.0", 4],
        ["240.0.0.0", 4],
      ],
      v6: [
        ["::", 128],
        ["fd00:ec2::254", 128],
        ["100::", 64],
        ["2001:db8::", 32],
        // Teredo hides the IPv4 address it relays to; nothing legitimate needs it as an upstream.
        ["2001::", 32],
        ["ff00::", 8],
      ],
    }),
  ],
  ["link_local", toBlockList({ v4: [["169.254.0.0", 16]], v6: [["fe80::", 10]] })],
  ["loopback", toBlockList({ v4: [["127.0.0.0", 8]], v6: [["::1", 128]] })],
  [
    "private",
    toBlockList({
      v4: [
        ["10.0.0.0", 8],
        ["100.64.0.0", 10],
        ["172.16.0.0", 12],
        ["192.168.0.0", 16],
      ],
      // 64:ff9b:1::/48 is NAT64 for a local network (RFC 8215).
      v6: [
        ["fc00::", 7],
        ["64:ff9b:1::", 48],
      ],
    }),
  ],
];

/** Classifies an IPv4 or IPv6 address; anything that is not an IP address counts as reserved. */
export function classifyAddress(address: string): AddressKind {
  const tunnelled = embeddedIpv4(address);
  if (tunnelled !== undefined) return classifyAddress(tunnelled);
  const version = isIP(address);
  if (version === 0) return "reserved";
  const family = version === 4 ? "ipv4" : "ipv6";
  const match = KINDS.find(([, list]) => list.check(address, family));
  return match ? match[0] : "public";
}

/** Whether Gatehouse may connect to an address of this kind; private and loopback only when the operator allows them. */
export function isAllowedAddressKind(kind: AddressKind, policy: NetworkPolicy): boolean {
  if (kind === "public") return true;
  return policy.allowPrivateNetworks && (kind === "private" || kind === "loopback");
}
