import type { RiskCategory, Signal, SignalSource } from "./types";

/** Weights of each kind of evidence. The name's verb is the strongest: servers rarely misname a tool. */
export const WEIGHTS = {
  nameVerb: 3,
  nameNoun: 2,
  descriptionVerb: 2,
  descriptionOtherVerb: 1,
  descriptionPhrase: 2,
  executePhrase: 1.5,
  descriptionMoney: 1.5,
  schemaShape: 2,
  schemaWrite: 1.5,
  schemaOption: 1,
  readOnlyHint: 2,
  destructiveHint: 1.5,
  notReadOnlyHint: 1,
} as const;

/** Evidence that a riskier category needs before it overrides the name's verb: as much as a name verb. */
export const CREDIBLE_SCORE = WEIGHTS.nameVerb;

/** Something that changes how bad a call could be, without changing what the tool does. */
export type Modifier = {
  kind: "bulk" | "irreversible" | "open_world" | "not_idempotent" | "may_overwrite";
  evidence: string;
};

/** What one reader (name, description, schema, annotations) found. */
export type Evidence = { signals: Signal[]; modifiers: Modifier[] };

/** Builds an action signal. */
export function action(
  source: SignalSource,
  category: RiskCategory,
  weight: number,
  evidence: string,
): Signal {
  return { source, kind: "action", category, weight, evidence };
}

/** Builds a money-object signal. */
export function moneyObject(source: SignalSource, weight: number, evidence: string): Signal {
  return { source, kind: "object", category: "financial", weight, evidence };
}
