import type { Decision } from "@gatehouse/policy/evaluate-call";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { formatDateTime } from "@/lib/format";

const EFFECT_TONES: Record<Decision["effect"], BadgeTone> = {
  allow: "green",
  deny: "red",
  require_approval: "amber",
};

/** A decision as data: effect, the rule that decided (a JSON Pointer into the policy), why, and limits. */
export function DecisionView({ tool, decision }: { tool: string; decision: Decision }) {
  const limits = decision.effect === "deny" ? [] : decision.limits;
  return (
    <dl className="grid grid-cols-[7rem_1fr] gap-x-4 gap-y-2 rounded-md border border-slate-200 bg-slate-50 p-4 text-sm">
      <dt className="font-medium text-slate-500">Call</dt>
      <dd className="font-mono text-xs">{tool}</dd>
      <dt className="font-medium text-slate-500">Effect</dt>
      <dd data-testid="try-effect">
        <Badge tone={EFFECT_TONES[decision.effect]}>{decision.effect.replace("_", " ")}</Badge>
        {decision.mode === "shadow" ? (
          <span className="ml-2 text-xs text-slate-600">shadow mode: logged, but the call goes through</span>
        ) : null}
      </dd>
      <dt className="font-medium text-slate-500">Rule</dt>
      <dd className="font-mono text-xs" data-testid="try-rule">
        {decision.rule}
      </dd>
      <dt className="font-medium text-slate-500">Reason</dt>
      <dd data-testid="try-reason">{decision.reason ?? "—"}</dd>
      <dt className="font-medium text-slate-500">Limits</dt>
      <dd>
        {limits.length ? (
          <ul className="space-y-1" data-testid="try-limits">
            {limits.map((limit) => (
              <li key={limit.pointer}>
                <span className="font-mono text-xs">{limit.counter}</span> ({limit.scope}): at most{" "}
                {limit.max} per {limit.windowSeconds} s; this call counts {limit.increment}; window ends{" "}
                {formatDateTime(new Date(limit.windowEndMs))}
              </li>
            ))}
          </ul>
        ) : (
          "None"
        )}
      </dd>
    </dl>
  );
}
