import {
  type AddressKind,
  classifyAddress,
  isAllowedAddressKind,
  type NetworkPolicy,
} from "./classify-address";

const KIND_WORDS: Record<Exclude<AddressKind, "public">, string> = {
  private: "a private address",
  loopback: "a loopback address",
  link_local: "a link-local address, where cloud metadata services answer",
  reserved: "a reserved address",
};

/**
 * Says why `host` may not be reached when any of its addresses is blocked under `policy`, or
 * returns undefined. One blocked address is enough: the connection could use any of them.
 */
export function findBlockedAddress(
  host: string,
  addresses: string[],
  policy: NetworkPolicy,
): string | undefined {
  for (const address of addresses) {
    const kind = classifyAddress(address);
    if (kind === "public" || isAllowedAddressKind(kind, policy)) continue;
    const where = host === address ? address : `${host} resolves to ${address}, which`;
    const isOperatorChoice = kind === "private" || kind === "loopback";
    const remedy = isOperatorChoice
      ? "Gatehouse connects only to public addresses unless an operator sets GATEHOUSE_ALLOW_PRIVATE_NETWORKS=true."
      : "Gatehouse never connects to such addresses.";
    return `${where} is ${KIND_WORDS[kind]}. ${remedy}`;
  }
  return undefined;
}
