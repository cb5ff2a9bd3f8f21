import { action, type Evidence, moneyObject, WEIGHTS } from "./evidence";
import {
  AUX_VERBS,
  BULK_WORDS,
  EXECUTE_NOUNS,
  HTTP_METHODS,
  MONEY_NAME_NOUNS,
  MONEY_NOUNS,
  NOUN_VERBS,
  VERB_CATEGORY,
} from "./lexicon";
import { singular, splitName } from "./tokenize";
import type { Signal } from "./types";

/**
 * Reads a tool name. Names use the verb's base form (get_user, not gets_user), so only exact
 * base forms count; a plural such as "logs" or "runs" is a noun. Namespace prefixes such as
 * "slack_" or "kubectl_" are skipped because they are not verbs, but a word that is as often a
 * noun ("request", "log", "tag") is a verb only when it opens the name: network_request is a
 * noun phrase, request_review is an order.
 */
export function readName(name: string): Evidence {
  const words = splitName(name);
  const signals = verbSignals(words);
  if (signals.length === 0) {
    const noun = words.find((word) => EXECUTE_NOUNS.has(singular(word)));
    if (noun) signals.push(action("name", "execute", WEIGHTS.nameNoun, `the name mentions "${noun}"`));
  }
  const money = words.find((word) => MONEY_NOUNS.has(singular(word)) || MONEY_NAME_NOUNS.has(singular(word)));
  if (money) signals.push(moneyObject("name", WEIGHTS.nameNoun, `the name mentions "${money}"`));
  const bulk = words.find((word) => BULK_WORDS.has(word));
  return { signals, modifiers: bulk ? [{ kind: "bulk", evidence: `the name says "${bulk}"` }] : [] };
}

/** The name's leading verb, plus any verb joined to it by "or"/"and" (create_or_update_file). */
function verbSignals(words: string[]): Signal[] {
  const start = words.findIndex(
    (word, index) =>
      (VERB_CATEGORY.has(word) && (index === 0 || !NOUN_VERBS.has(word))) || AUX_VERBS.has(word),
  );
  const first = words[start];
  if (first === undefined) return [];
  if (AUX_VERBS.has(first)) return auxSignals(first, words.slice(start + 1));
  // Generated names put the HTTP method first (API-post-search): the verb after it names the operation.
  const following = words[start + 1];
  if (HTTP_METHODS.has(first) && following !== undefined && VERB_CATEGORY.has(following)) {
    return [verbSignal(following, "has")];
  }
  const signals = [verbSignal(first, start === 0 ? "starts with" : "has")];
  for (let index = start + 1; index + 1 < words.length; index += 2) {
    const joiner = words[index];
    const next = words[index + 1];
    if ((joiner !== "or" && joiner !== "and") || next === undefined || !VERB_CATEGORY.has(next)) break;
    signals.push(verbSignal(next, "has"));
  }
  return signals;
}

function verbSignal(verb: string, how: string): Signal {
  const category = VERB_CATEGORY.get(verb) ?? "write";
  return action("name", category, WEIGHTS.nameVerb, `the name ${how} the verb "${verb}"`);
}

/** "start_search" is a search and "start_process" runs something: the word after the auxiliary decides. */
function auxSignals(aux: string, rest: string[]): Signal[] {
  for (const word of rest) {
    const category = VERB_CATEGORY.get(word);
    if (category) return [action("name", category, WEIGHTS.nameVerb, `the name says "${aux} ${word}"`)];
    if (EXECUTE_NOUNS.has(singular(word))) {
      return [action("name", "execute", WEIGHTS.nameVerb, `the name says "${aux} ${word}"`)];
    }
  }
  return [];
}
