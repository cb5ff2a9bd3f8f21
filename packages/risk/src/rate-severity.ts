import type { Modifier } from "./evidence";
import type { RiskCategory, Severity } from "./types";

const SEVERITIES: readonly Severity[] = ["low", "medium", "high", "critical"];

const BASE: Record<RiskCategory, Severity> = {
  read: "low",
  write: "medium",
  execute: "high",
  destructive: "high",
  financial: "critical",
};

/** Modifiers that raise each category by one step; reads stay low whatever their scope. */
const RAISED_BY: Record<RiskCategory, ReadonlySet<Modifier["kind"]>> = {
  read: new Set(),
  write: new Set(["may_overwrite", "bulk", "irreversible"]),
  execute: new Set(["open_world", "bulk"]),
  destructive: new Set(["bulk", "irreversible", "not_idempotent"]),
  financial: new Set(),
};

/**
 * Rates how bad a call could be: the category's base severity, one step higher when a modifier
 * applies (a bulk scope, an irreversible effect, an open world, a destructive call that is not
 * idempotent), and at least high when the tool's texts carry instructions to the model.
 */
export function rateSeverity(input: { category: RiskCategory; modifiers: Modifier[]; isPoisoned: boolean }): {
  severity: Severity;
  reasons: string[];
} {
  const raising = input.modifiers.filter((modifier) => RAISED_BY[input.category].has(modifier.kind));
  const reasons = [...new Set(raising.map((modifier) => modifier.evidence))];
  let level = SEVERITIES.indexOf(BASE[input.category]) + (raising.length > 0 ? 1 : 0);
  if (input.isPoisoned && level < 2) {
    level = 2;
    reasons.push("its texts carry instructions to the model");
  }
  return { severity: SEVERITIES[Math.min(level, 3)] ?? "critical", reasons };
}
