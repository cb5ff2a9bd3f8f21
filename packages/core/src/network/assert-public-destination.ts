import { GatehouseError } from "../errors/gatehouse-error";
import { checkDestination } from "./check-destination";
import type { NetworkPolicy } from "./classify-address";

/**
 * Refuses a URL about to be saved whose host is, or resolves to, an address the policy blocks,
 * as an invalid_input error on `field`. Every connection checks the address again, since DNS
 * can answer differently later.
 */
export async function assertPublicDestination(options: {
  url: string;
  policy: NetworkPolicy;
  field: string;
}): Promise<void> {
  // A name that does not resolve (yet) points nowhere, so it is saved; connecting re-checks it.
  const reason = await checkDestination(new URL(options.url), options.policy).catch(() => undefined);
  if (reason === undefined) return;
  throw new GatehouseError("invalid_input", reason, {
    fieldErrors: [{ field: options.field, message: reason }],
  });
}
