import type { CategoryDecision } from "./decide-category";
import type { Severity } from "./types";

/** The rationale's first sentences: what was decided and which evidence decided it. */
export function explainCategory(decision: CategoryDecision): string {
  if (decision.basis === "default") {
    const assumption =
      "nothing in the name, description, schema or annotations says what it does, so it is assumed to change state";
    const money = decision.support.map((signal) => signal.evidence);
    return money.length === 0
      ? `Classified as write: ${assumption}.`
      : `Classified as financial: ${assumption}, and ${money.join("; ")}.`;
  }
  const cited = decision.support.map((signal) => signal.evidence);
  const sentences = [`Classified as ${decision.category}: ${cited.join("; ")}.`];
  if (decision.category === "financial" && decision.action !== "financial") {
    sentences.push(`It is a ${decision.action} that acts on money, so it counts as financial.`);
  }
  if (decision.overriddenName !== undefined) {
    sentences.push(
      `The name alone suggests ${decision.overriddenName}, but the evidence for ${decision.action} is as strong as a name verb, and the riskier reading wins.`,
    );
  }
  return sentences.join(" ");
}

/** The rationale's severity sentence. */
export function explainSeverity(severity: Severity, reasons: string[]): string {
  return reasons.length === 0
    ? `Severity is ${severity}.`
    : `Severity is ${severity}: ${reasons.join("; ")}.`;
}

/** The rationale's sentence about annotations that were not believed. */
export function explainConflicts(conflicts: string[]): string {
  return conflicts.length === 0 ? "" : `Annotation conflict: ${conflicts.join("; ")}.`;
}
