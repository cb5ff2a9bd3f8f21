import type { CallKind } from "@gatehouse/policy/evaluate-call";
import { isVisible } from "@gatehouse/policy/is-visible";
import { buildAuditEvent } from "../audit/build-audit-event";
import { forwardUpstream, type UpstreamOutcome } from "./forward-upstream";
import type { GatewayDeps, LiveGrant, RequestContext } from "./gateway-deps";
import { requireLiveGrant } from "./require-live-grant";

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
  context: RequestContext,
): Promise<Result> {
  const grant = await requireLiveGrant(deps, { method: spec.method, context });
  const audit = (outcome: UpstreamOutcome & { reason?: string }) =>
    deps.recordAudit(
      buildAuditEvent({
        grant,
        caller: context.caller,
        startedAtMs: context.receivedAtMs,
        nowMs: deps.now(),
        outcome: { method: spec.method, decision: "allow", rule: null, ...outcome },
      }),
    );
  const forwarded = await forwardUpstream(deps.now, spec.fetch);
  if (!forwarded.isOk) {
    audit(forwarded.outcome);
    throw forwarded.error;
  }
  const all = forwarded.result[spec.key];
  spec.inspect?.(grant, all);
  const visible = all.filter((item) => {
    const name = spec.nameOf(item);
    const category = spec.kind === "tool" ? grant.tools.get(name)?.category : undefined;
    return isVisible(grant.policy, { kind: spec.kind, name, ...(category ? { category } : {}) });
  });
  const reason = `${visible.length} listed, ${all.length - visible.length} hidden by policy`;
  audit({ ...forwarded.outcome, reason });
  return { ...forwarded.result, [spec.key]: visible };
}
