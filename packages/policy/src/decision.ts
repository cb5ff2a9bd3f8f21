import { type CallKind, describeItem } from "./call-facts";
import type { ApprovalSettings, LimitScope, PolicyMode } from "./policy-schema";

/** A limit the proxy must count this call against, with its window already placed in time. */
export type ResolvedLimit = {
  counter: string;
  scope: LimitScope;
  max: number;
  windowSeconds: number;
  /** 1, or the value of the limit's `increment_from` argument (finite and ≥ 0). */
  increment: number;
  /** The UTC-aligned fixed window containing `now`: start ≤ now < end. */
  windowStartMs: number;
  windowEndMs: number;
  /** JSON Pointer of the limit in the policy, e.g. "/tools/x/limits/0" or "/tools/x/rate_limit". */
  pointer: string;
};

/**
 * What the policy decided for one call. `rule` is the JSON Pointer of the part of the policy
 * that decided (or "(default allow)" / "(default deny)"). In shadow mode the proxy logs the
 * decision but lets the call through; `mode` makes that explicit so no caller has to re-read the policy.
 */
export type Decision =
  | { effect: "allow"; rule: string; reason: string | null; limits: ResolvedLimit[]; mode: PolicyMode }
  | { effect: "deny"; rule: string; reason: string; mode: PolicyMode }
  | {
      effect: "require_approval";
      rule: string;
      reason: string;
      limits: ResolvedLimit[];
      mode: PolicyMode;
      /** The entry's approval settings over the policy's; absent fields use the operator's defaults. */
      approval: ApprovalSettings;
    };

/** The rule name of a call no entry selected. */
export const DEFAULT_RULES = { allow: "(default allow)", deny: "(default deny)" } as const;

type Item = { kind: CallKind; name: string };

const APPROVAL_SUBJECTS: Record<CallKind, string> = {
  tool: "Calling tool",
  resource: "Reading resource",
  prompt: "Getting prompt",
};

/** Standard reasons, used when the policy gives none. */
export const STANDARD_REASONS = {
  hidden: (item: Item) => `${describeItem(item)} is hidden by this grant's policy.`,
  defaultDeny: (item: Item) => `${describeItem(item)} is not allowed by this grant's policy (default: deny).`,
  entryDeny: (item: Item) => `${describeItem(item)} is denied by this grant's policy.`,
  conditionDeny: (item: Item) =>
    `${describeItem(item)} is denied by this grant's policy for these arguments.`,
  approval: (item: Item) => `${APPROVAL_SUBJECTS[item.kind]} ${JSON.stringify(item.name)} requires approval.`,
};
