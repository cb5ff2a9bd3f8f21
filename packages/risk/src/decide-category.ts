import { CREDIBLE_SCORE, WEIGHTS } from "./evidence";
import { RISK_CATEGORIES, type RiskCategory, type Signal } from "./types";

/** How the category was reached, with the evidence behind it. */
export type CategoryDecision = {
  /** What the tool does: the winning action signal's category. */
  action: RiskCategory;
  /** `action`, or `financial` when a state-changing action acts on money. */
  category: RiskCategory;
  /** "name": the name's verb decided; "evidence": other signals decided; "default": nothing did. */
  basis: "name" | "evidence" | "default";
  /** The name's category when riskier evidence overrode it. */
  overriddenName?: RiskCategory;
  scores: Record<RiskCategory, number>;
  /** Action signals for `action`, strongest first, plus the money signals when `category` is financial. */
  support: Signal[];
};

const STATE_CHANGING: ReadonlySet<RiskCategory> = new Set(["write", "execute", "destructive"]);

/**
 * Picks the category. The name's verb sets a floor that no other evidence can lower, since a
 * server gains nothing by naming a harmless tool "delete_*"; a riskier category wins over it
 * only with evidence as strong as a name verb. Without a name verb the highest score wins, and
 * ties go to the riskier category. With no evidence at all the tool is assumed to change state.
 */
export function decideCategory(signals: Signal[]): CategoryDecision {
  const actions = signals.filter((signal) => signal.kind === "action");
  const scores = scoreCategories(actions);
  const nameCategory = riskiest(
    actions.filter((signal) => signal.source === "name" && signal.weight >= WEIGHTS.nameVerb),
  );
  const base = nameCategory ?? topScoring(scores);
  const money = signals.filter((signal) => signal.kind === "object");
  if (base === undefined) {
    const category = money.length > 0 ? "financial" : "write";
    return { action: "write", category, basis: "default", scores, support: byWeight(money) };
  }
  const raised = RISK_CATEGORIES.slice(RISK_CATEGORIES.indexOf(base) + 1)
    .reverse()
    .find((category) => scores[category] >= CREDIBLE_SCORE);
  const action = raised ?? base;
  const isFinancial = action === "financial" || (STATE_CHANGING.has(action) && money.length > 0);
  const support = byWeight(
    actions.filter(
      (signal) => signal.category === action || (isFinancial && signal.category === "financial"),
    ),
  );
  return {
    action,
    category: isFinancial ? "financial" : action,
    basis: nameCategory !== undefined && raised === undefined ? "name" : "evidence",
    ...(raised !== undefined && nameCategory !== undefined ? { overriddenName: nameCategory } : {}),
    scores,
    support: isFinancial && action !== "financial" ? [...support, ...byWeight(money)] : support,
  };
}

function scoreCategories(actions: Signal[]): Record<RiskCategory, number> {
  const scores: Record<RiskCategory, number> = {
    read: 0,
    write: 0,
    execute: 0,
    destructive: 0,
    financial: 0,
  };
  for (const signal of actions) scores[signal.category] += signal.weight;
  return scores;
}

function riskiest(signals: Signal[]): RiskCategory | undefined {
  const indexes = signals.map((signal) => RISK_CATEGORIES.indexOf(signal.category));
  return indexes.length === 0 ? undefined : RISK_CATEGORIES[Math.max(...indexes)];
}

/** The category with the highest score; on a tie, the riskier one. */
function topScoring(scores: Record<RiskCategory, number>): RiskCategory | undefined {
  let best: RiskCategory | undefined;
  for (const category of RISK_CATEGORIES) {
    if (scores[category] > 0 && (best === undefined || scores[category] >= scores[best])) best = category;
  }
  return best;
}

function byWeight(signals: Signal[]): Signal[] {
  return [...signals].sort((a, b) => b.weight - a.weight);
}
