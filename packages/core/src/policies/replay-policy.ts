import type { Db } from "@gatehouse/db/client";
import { type CallKind, type Decision, evaluateCall } from "@gatehouse/policy/evaluate-call";
import { parsePolicy } from "@gatehouse/policy/parse-policy";
import type { Policy } from "@gatehouse/policy/policy-schema";
import { selectEntry } from "@gatehouse/policy/select-entry";
import { GatehouseError } from "../errors/gatehouse-error";
import { validatePolicyText } from "../grants/validate-policy-text";

const KIND_BY_METHOD: Record<string, CallKind> = {
  "tools/call": "tool",
  "resources/read": "resource",
  "prompts/get": "prompt",
};
export const MAX_REPLAY_CALLS = 1000;

type Outcome = { effect: Decision["effect"]; rule: string };
export type ReplayRow = {
  eventId: string;
  occurredAt: Date;
  tool: string;
  before: Outcome;
  after: Outcome;
  isChanged: boolean;
  /** The decision turns on argument values, which the audit log never stores (only keys). */
  dependsOnArguments: boolean;
};

/**
 * Runs a draft policy against the server's last `limit` audited calls and says
 * which decisions would change. Rate-limit counters are not replayed: rows
 * compare what the policy decides, not whether a budget had room.
 */
export async function replayPolicy(options: {
  db: Db;
  orgId: string;
  policyId: string;
  draft: string;
  limit: number;
}) {
  const draft = asPolicy(validatePolicyText(options.draft, "document"));
  const stored = await options.db.policy.findFirst({
    where: { id: options.policyId, orgId: options.orgId },
    include: { versions: { orderBy: { version: "desc" }, take: 1 } },
  });
  if (!stored) throw new GatehouseError("not_found", "No such policy in this organisation.");
  const current = asPolicy(stored.versions[0]?.document);
  const [events, tools] = await Promise.all([
    options.db.auditEvent.findMany({
      where: { orgId: options.orgId, serverId: stored.serverId, method: { in: Object.keys(KIND_BY_METHOD) } },
      orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      take: Math.min(Math.max(1, options.limit), MAX_REPLAY_CALLS),
    }),
    options.db.tool.findMany({
      where: { serverId: stored.serverId },
      select: { name: true, category: true },
    }),
  ]);
  const categories = new Map(tools.map((tool) => [tool.name, tool.category ?? undefined]));
  const rows = events.map((event): ReplayRow => {
    const kind = KIND_BY_METHOD[event.method] ?? "tool";
    const facts = {
      kind,
      name: event.tool ?? "",
      category: kind === "tool" ? categories.get(event.tool ?? "") : undefined,
      grant: { id: event.grantId ?? "" },
      session: { id: event.sessionId },
    };
    const before = decideWithoutArguments(current, facts, event.occurredAt);
    const after = decideWithoutArguments(draft, facts, event.occurredAt);
    return {
      eventId: event.id,
      occurredAt: event.occurredAt,
      tool: facts.name,
      before: before.outcome,
      after: after.outcome,
      isChanged: before.outcome.effect !== after.outcome.effect || before.outcome.rule !== after.outcome.rule,
      dependsOnArguments: before.dependsOnArguments || after.dependsOnArguments,
    };
  });
  rows.sort((a, b) => Number(b.isChanged) - Number(a.isChanged));
  return { rows, changedCount: rows.filter((row) => row.isChanged).length, total: rows.length };
}

// Argument values are never stored, so a call is decided with none; when the governing
// entry has conditions or counts an argument, the real decision may have differed.
function decideWithoutArguments(
  policy: Policy,
  facts: Omit<Parameters<typeof evaluateCall>[1], "args">,
  at: Date,
): { outcome: Outcome; dependsOnArguments: boolean } {
  const decision = evaluateCall(policy, { ...facts, args: {} }, at);
  const entry = selectEntry(policy, facts)?.entry;
  const dependsOnArguments =
    (entry?.deny_if?.length ?? 0) > 0 ||
    (entry?.approve_if?.length ?? 0) > 0 ||
    [...(entry?.limits ?? []), ...(facts.kind === "tool" ? (policy.all_tools?.limits ?? []) : [])].some(
      (limit) => limit.increment_from !== undefined,
    );
  return { outcome: { effect: decision.effect, rule: decision.rule }, dependsOnArguments };
}

function asPolicy(document: unknown): Policy {
  const parsed = parsePolicy(document);
  if (!parsed.ok)
    throw new GatehouseError("invalid_input", "The stored policy no longer parses; save it again.");
  return parsed.policy;
}
