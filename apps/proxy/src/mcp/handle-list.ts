import type { CallKind } from "@gatehouse/policy/evaluate-call";
import { isVisible } from "@gatehouse/policy/is-visible";
import { buildAuditEvent } from "../audit/build-audit-event";
import type { GatewayDeps, LiveGrant } from "./gateway-deps";
import { requireLiveGrant } from "./require-live-grant";
import { relayUpstreamError } from "./upstream-errors";

/** One of the list methods Gatehouse filters: which items it returns, and how each is named in the policy. */
type Listing<Key extends string> = Record<Key, unknown[]>;
type ItemOf<Key extends string, Result extends Listing<Key>> = Result[Key][number];

export type ListSpec<Key extends string, Result extends Listing<Key>> = {
  kind: CallKind;
  method: string;
  fetch: () => Promise<Result>;
  /** The result's field holding the items, e.g. "tools". */
  key: Key;
  nameOf: (item: ItemOf<Key, Result>) => string;
  /** Looks at the upstream's full answer before filtering (tools are checked against the catalogue). */
  inspect?: (grant: LiveGrant, items: ItemOf<Key, Result>[]) => void;
};

/** A list request: the upstream's answer, less every item this grant's policy hides or statically denies. */
export async function handleList<Key extends string, Result extends Listing<Key>>(
  deps: GatewayDeps,
  spec: ListSpec<Key, Result>,
  sessionId: string | undefined,
): Promise<Result> {
  const startedAtMs = deps.now();
  const grant = await requireLiveGrant(deps);
  const audit = (outcome: { upstreamError?: string; reason?: string }) =>
    deps.recordAudit(
      buildAuditEvent({
        grant,
        startedAtMs,
        nowMs: deps.now(),
        outcome: { method: spec.method, decision: "allow", rule: null, sessionId, ...outcome },
      }),
    );
  let result: Result;
  try {
    result = await spec.fetch();
  } catch (error) {
    const relayed = relayUpstreamError(error);
    audit({ upstreamError: relayed.message });
    throw relayed;
  }
  const all = result[spec.key];
  spec.inspect?.(grant, all);
  const visible = all.filter((item) => {
    const name = spec.nameOf(item);
    const category = spec.kind === "tool" ? grant.tools.get(name)?.category : undefined;
    return isVisible(grant.policy, { kind: spec.kind, name, ...(category ? { category } : {}) });
  });
  audit({ reason: `${visible.length} listed, ${all.length - visible.length} hidden by policy` });
  return { ...result, [spec.key]: visible };
}
