import { isIPv6 } from "node:net";

// IPv6 ranges whose addresses carry an IPv4 address a gateway or relay will connect to: NAT64's
// well-known prefix (64:ff9b::/96, RFC 6052) in the last 32 bits, and 6to4 (2002::/16, RFC 3056)
// in bits 16-47. Without unwrapping, "64:ff9b::169.254.169.254" would pass as a public address.
const NAT64_PREFIX = [0x64, 0xff9b, 0, 0, 0, 0];
const SIX_TO_FOUR_FIRST_GROUP = 0x2002;

/** The IPv4 address an IPv6 address routes to through NAT64 or 6to4, or undefined when it embeds none. */
export function embeddedIpv4(address: string): string | undefined {
  const groups = isIPv6(address) ? expandIpv6(address) : undefined;
  if (!groups) return undefined;
  if (NAT64_PREFIX.every((group, index) => groups[index] === group)) return toIpv4(groups[6], groups[7]);
  if (groups[0] === SIX_TO_FOUR_FIRST_GROUP) return toIpv4(groups[1], groups[2]);
  return undefined;
}

// The eight 16-bit groups of a valid IPv6 address, with "::" filled in and a trailing dotted
// IPv4 part (as in "64:ff9b::10.0.0.1") turned into its two groups.
function expandIpv6(address: string): number[] {
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(address);
  const hex = dotted
    ? `${address.slice(0, dotted.index)}${((Number(dotted[1]) << 8) | Number(dotted[2])).toString(16)}:${((Number(dotted[3]) << 8) | Number(dotted[4])).toString(16)}`
    : address;
  const [head = "", tail] = hex.split("::");
  const parse = (part: string) => (part ? part.split(":").map((group) => Number.parseInt(group, 16)) : []);
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

function toIpv4(high = 0, low = 0): string {
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join(".");
}
