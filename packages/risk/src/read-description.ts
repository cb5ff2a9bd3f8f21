import { action, type Evidence, type Modifier, moneyObject, WEIGHTS } from "./evidence";
import {
  AUX_VERBS,
  BULK_WORDS,
  EXECUTE_NOUNS,
  EXECUTE_PATTERN,
  IRREVERSIBLE_PATTERN,
  MONEY_NOUNS,
  READ_ONLY_PATTERN,
  VERB_CATEGORY,
} from "./lexicon";
import { firstSentence, proseVerb, proseWords, singular } from "./tokenize";
import type { Signal } from "./types";

/**
 * Reads a description: the first verb of its first sentence ("Deletes a run…"), plus phrases
 * anywhere in it that say the effect is permanent, read-only, or runs code.
 */
export function readDescription(description: string): Evidence {
  if (description.trim().length === 0) return { signals: [], modifiers: [] };
  // Markup such as <use_case> frames the prose; it is not part of it.
  const words = proseWords(firstSentence(description.replace(/<\/?[A-Za-z_][\w-]*>/g, " ")));
  const signals = [...leadingVerbSignals(words), ...phraseSignals(description)];
  const money = words.find((word) => MONEY_NOUNS.has(singular(word)));
  if (money) {
    signals.push(moneyObject("description", WEIGHTS.descriptionMoney, `the description mentions "${money}"`));
  }
  return { signals, modifiers: descriptionModifiers(description, words) };
}

/** Words that may come before the verb: "This tool will create…", "Use this to list…". */
const LEAD_IN = new Set(
  "this tool function endpoint method will can may you it use used to lets helps please simply just the a an is be".split(
    " ",
  ),
);

/**
 * The verb that opens the first sentence (after a lead-in such as "This tool will"), and the
 * verbs listed right after it. A sentence that opens with anything else has
 * no leading verb: "Demonstrates a long running operation with progress updates" says nothing
 * about updating. After an auxiliary ("Start a streaming search") the next verb or runnable
 * noun decides.
 */
function leadingVerbSignals(words: string[]): Signal[] {
  let aux: string | undefined;
  for (const [index, word] of words.entries()) {
    const verb = proseVerb(word);
    if (verb !== undefined && AUX_VERBS.has(verb)) {
      aux ??= word;
      continue;
    }
    if (aux !== undefined && EXECUTE_NOUNS.has(singular(word))) {
      return [
        action("description", "execute", WEIGHTS.descriptionVerb, `the description says "${aux} … ${word}"`),
      ];
    }
    const category = verb === undefined ? undefined : VERB_CATEGORY.get(verb);
    if (category === undefined) {
      if (aux === undefined && !LEAD_IN.has(word.toLowerCase())) return [];
      continue;
    }
    return [
      action("description", category, WEIGHTS.descriptionVerb, describeVerb(word, index)),
      ...listedVerbs(words.slice(index + 1)),
    ];
  }
  return [];
}

/** Verbs listed right after the leading one ("Move or rename", "List, create, close, or select"). */
function listedVerbs(rest: string[]): Signal[] {
  const signals: Signal[] = [];
  for (const word of rest) {
    const lower = word.toLowerCase();
    if (lower === "or" || lower === "and") continue;
    const verb = proseVerb(word);
    const category = verb === undefined ? undefined : VERB_CATEGORY.get(verb);
    if (category === undefined) break;
    signals.push(
      action("description", category, WEIGHTS.descriptionOtherVerb, `the description also says "${word}"`),
    );
  }
  return signals;
}

function describeVerb(word: string, index: number): string {
  return index === 0 ? `the description starts with "${word}"` : `the description's verb is "${word}"`;
}

function phraseSignals(description: string): Signal[] {
  const signals: Signal[] = [];
  const irreversible = matchUnnegated(description, IRREVERSIBLE_PATTERN);
  if (irreversible) {
    signals.push(
      action(
        "description",
        "destructive",
        WEIGHTS.descriptionPhrase,
        `the description says "${irreversible}"`,
      ),
    );
  }
  const readOnly = matchUnnegated(description, READ_ONLY_PATTERN);
  if (readOnly)
    signals.push(
      action("description", "read", WEIGHTS.descriptionPhrase, `the description says "${readOnly}"`),
    );
  const execute = description.match(EXECUTE_PATTERN)?.[0];
  if (execute)
    signals.push(
      action("description", "execute", WEIGHTS.executePhrase, `the description mentions "${execute}"`),
    );
  return signals;
}

/** The first match of a pattern that is not preceded by "not" ("not permanently", "isn't read-only"). */
function matchUnnegated(text: string, pattern: RegExp): string | undefined {
  const global = new RegExp(pattern.source, "gi");
  for (const match of text.matchAll(global)) {
    const before = text.slice(Math.max(0, match.index - 12), match.index).toLowerCase();
    if (!/(?:\bnot|n't|\bnever)\s+(?:\w+\s+)?$/.test(before)) return match[0];
  }
  return undefined;
}

function descriptionModifiers(description: string, firstWords: string[]): Modifier[] {
  const modifiers: Modifier[] = [];
  const irreversible = matchUnnegated(description, IRREVERSIBLE_PATTERN);
  if (irreversible)
    modifiers.push({ kind: "irreversible", evidence: `the description says "${irreversible}"` });
  const bulk = firstWords.find((word) => BULK_WORDS.has(word.toLowerCase()));
  if (bulk) modifiers.push({ kind: "bulk", evidence: `the description says "${bulk}"` });
  return modifiers;
}
