import type { CategoryDecision } from "./decide-category";
import { type Confidence, RISK_CATEGORIES, type Signal } from "./types";

const LEVELS: readonly Confidence[] = ["low", "moderate", "high"];

export type ConfidenceInput = {
  decision: CategoryDecision;
  signals: Signal[];
  hasDescription: boolean;
  annotationConflicts: string[];
  isPoisoned: boolean;
};

/**
 * Rates how far the category can be trusted, and says why in full sentences: an empty
 * description or disagreeing signals cap it at moderate; a category resting only on annotations,
 * the schema or the cautious default, or texts that carry instructions to the model, make it low.
 */
export function rateConfidence(input: ConfidenceInput): { confidence: Confidence; explanation: string } {
  const reasons: { level: Confidence; text: string }[] = [];
  const { decision } = input;
  if (decision.basis === "default") {
    reasons.push({
      level: "low",
      text: "Nothing in the name, description, schema or annotations says what it does.",
    });
  } else if (
    !decision.support.some((signal) => signal.source === "name" || signal.source === "description")
  ) {
    reasons.push({ level: "low", text: "Neither the name nor the description names the action." });
  }
  if (input.isPoisoned) reasons.push({ level: "low", text: "Its texts carry instructions to the model." });
  if (input.annotationConflicts.length > 0) {
    reasons.push({ level: "moderate", text: "The annotations contradict the other evidence." });
  }
  const disagreement = describeDisagreement(decision, input.signals);
  if (disagreement) reasons.push({ level: "moderate", text: disagreement });
  if (!input.hasDescription) reasons.push({ level: "moderate", text: "" });
  const confidence = LEVELS[Math.min(2, ...reasons.map((reason) => LEVELS.indexOf(reason.level)))] ?? "low";
  const sentences = reasons.map((reason) => reason.text).filter((text) => text.length > 0);
  const closing = input.hasDescription
    ? `Confidence is ${confidence}.`
    : `Without an explicit description, confidence is ${confidence}.`;
  return { confidence, explanation: [...sentences, closing].join(" ") };
}

/** Names the runner-up's evidence when it has at least half the winner's score. */
function describeDisagreement(decision: CategoryDecision, signals: Signal[]): string | undefined {
  const winner = decision.scores[decision.action];
  const runnerUp = RISK_CATEGORIES.filter(
    (category) => category !== decision.action && category !== decision.category,
  )
    .map((category) => ({ category, score: decision.scores[category] }))
    .sort((a, b) => b.score - a.score)[0];
  if (runnerUp === undefined || runnerUp.score < Math.max(2, winner / 2)) return undefined;
  const evidence = signals
    .filter((signal) => signal.kind === "action" && signal.category === runnerUp.category)
    .map((signal) => signal.evidence);
  return `Signals disagree: ${evidence.join("; ")}, which suggests ${runnerUp.category}.`;
}
