/**
 * Decides one call (a tool call, a resource read or a prompt get) under a policy.
 *
 * Precedence — the single place it is defined (PRECEDENCE.md repeats it for people):
 *   1. `hide` (tools only) is checked first of all: a tool matching any hide glob is denied
 *      and invisible, whatever the entries say. rule = "/hide/<index>".
 *   2. Entry selection, in the section for the call's kind (tools, resources or prompts):
 *      an exact name beats a glob; among matching globs the most specific wins (most literal
 *      characters; ties go to the first in document order); for tools, a glob beats the entry
 *      for the tool's catalogue risk category; a category entry beats `default`.
 *   3. Within the selected entry, in order:
 *      a. action "deny" → deny (reason = entry.reason or the standard text);
 *      b. the first `deny_if` item whose conditions all match → deny (reason = its on_deny);
 *      c. action "require_approval", or the first `approve_if` item that matches →
 *         require_approval (reason = the item's reason, else entry.reason, else standard;
 *         approval settings = the entry's `approval` over the policy's, field by field);
 *      d. otherwise allow. Allowed and held calls carry their limits: the entry's `limits`,
 *         then its `rate_limit`, then (tools only) `all_tools.limits`. If a limit's
 *         `increment_from` argument is missing, not a finite number or negative, the call is
 *         denied instead (fail closed) with rule = that limit's pointer.
 *   4. No entry → `default`: "allow" (with all_tools limits for tools) or "deny".
 * `mode: "shadow"` never changes the decision; it is returned alongside so the proxy can log
 * the decision and let the call through.
 */
import type { CallFacts } from "./call-facts";
import { matchesAll } from "./conditions";
import { DEFAULT_RULES, type Decision, STANDARD_REASONS } from "./decision";
import { toJsonPointer } from "./json-pointer";
import type { ApprovalSettings, Policy, PolicyMode } from "./policy-schema";
import { listLimitSources, resolveLimits } from "./resolve-limits";
import { findHidingGlob, type SelectedEntry, selectEntry } from "./select-entry";

export type { CallFacts, CallKind } from "./call-facts";
export type { Decision, ResolvedLimit } from "./decision";

type Call = { policy: Policy; facts: CallFacts; now: Date; mode: PolicyMode };
type Hold = { rule: string; reason: string; approval: ApprovalSettings };

/** Decides a call under `policy` at time `now`; pure, total and deterministic. */
export function evaluateCall(policy: Policy, facts: CallFacts, now: Date): Decision {
  const call: Call = { policy, facts, now, mode: policy.mode ?? "enforce" };
  const hidingGlob = findHidingGlob(policy, facts);
  if (hidingGlob !== undefined) {
    return deny(call, toJsonPointer(["hide", hidingGlob]), STANDARD_REASONS.hidden(facts));
  }
  const selected = selectEntry(policy, facts);
  if (selected !== undefined) return decideEntry(call, selected);
  if (policy.default === "deny") return deny(call, DEFAULT_RULES.deny, STANDARD_REASONS.defaultDeny(facts));
  return decideLimited(call, undefined, undefined);
}

function decideEntry(call: Call, selected: SelectedEntry): Decision {
  const { entry } = selected;
  const rule = toJsonPointer(selected.path);
  if (entry.action === "deny") {
    return deny(call, rule, entry.reason ?? STANDARD_REASONS.entryDeny(call.facts));
  }
  const denyIndex = (entry.deny_if ?? []).findIndex((item) => matchesAll(item.conditions, call.facts));
  const denyItem = entry.deny_if?.[denyIndex];
  if (denyItem !== undefined) {
    const reason = denyItem.on_deny ?? STANDARD_REASONS.conditionDeny(call.facts);
    return deny(call, `${rule}/deny_if/${denyIndex}`, reason);
  }
  return decideLimited(call, selected, findHold(call, selected, rule));
}

function findHold(call: Call, { entry }: SelectedEntry, rule: string): Hold | undefined {
  const standard = STANDARD_REASONS.approval(call.facts);
  const approval = { ...call.policy.approval, ...entry.approval };
  if (entry.action === "require_approval") return { rule, reason: entry.reason ?? standard, approval };
  const index = (entry.approve_if ?? []).findIndex((item) => matchesAll(item.conditions, call.facts));
  const item = entry.approve_if?.[index];
  if (item === undefined) return undefined;
  return { rule: `${rule}/approve_if/${index}`, reason: item.reason ?? entry.reason ?? standard, approval };
}

// Allows or holds the call under its limits; limits that cannot be counted deny it.
function decideLimited(call: Call, selected: SelectedEntry | undefined, hold: Hold | undefined): Decision {
  const sources = listLimitSources(call.policy, call.facts, selected);
  const resolution = resolveLimits(sources, call.facts, call.now);
  if (!resolution.isCountable) return deny(call, resolution.rule, resolution.reason);
  const { limits } = resolution;
  if (hold !== undefined) return { effect: "require_approval", ...hold, limits, mode: call.mode };
  const rule = selected === undefined ? DEFAULT_RULES.allow : toJsonPointer(selected.path);
  return { effect: "allow", rule, reason: null, limits, mode: call.mode };
}

function deny(call: Call, rule: string, reason: string): Decision {
  return { effect: "deny", rule, reason, mode: call.mode };
}
