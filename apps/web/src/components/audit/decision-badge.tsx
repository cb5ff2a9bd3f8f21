import type { Decision } from "@gatehouse/db/models";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const DECISION_TONES: Record<Decision, BadgeTone> = {
  allow: "green",
  deny: "red",
  require_approval: "amber",
};

/** A policy decision as a coloured badge, with "shadow" under it when it was only logged. */
export function DecisionBadge({ decision, isShadow }: { decision: Decision; isShadow: boolean }) {
  return (
    <>
      <Badge tone={DECISION_TONES[decision]}>{decision.replace("_", " ")}</Badge>
      {isShadow ? (
        <div className="mt-1 text-xs text-slate-500" title="Shadow mode: logged, not enforced">
          shadow
        </div>
      ) : null}
    </>
  );
}
